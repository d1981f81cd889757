package dev.aksdoctor.azure;

/** Which Azure cloud ARM calls go to ({@code AKS_DOCTOR_AZURE_CLOUD}). */
public enum AzureCloud {
    AZURE,
    AZURE_CHINA,
    AZURE_US_GOVERNMENT,
    /** Azure Stack Hub and tests: endpoints come from configuration, instance discovery is off. */
    CUSTOM
}

package dev.aksdoctor.azure;

/** What a VMSS run-command printed. */
public record RunCommandOutput(String stdout, String stderr) {
    public RunCommandOutput {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }
}

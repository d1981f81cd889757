package dev.aksdoctor.azure;

import java.util.Objects;

/**
 * One insight row of a detector run ({@code renderingProperties.type} 7 in its dataset): the status as the
 * detector gives it ({@code Critical}, {@code Warning}, {@code Info}, {@code Success}, {@code None}), its message
 * and, when the row carries one, a detail (the row's {@code Data.Value}).
 */
public record DetectorInsight(String status, String message, String detail) {

    public DetectorInsight {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public boolean critical() {
        return "Critical".equalsIgnoreCase(status);
    }

    public boolean warning() {
        return "Warning".equalsIgnoreCase(status);
    }
}

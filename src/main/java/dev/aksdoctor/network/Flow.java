package dev.aksdoctor.network;

/** A flow to test against NSG rules; the source port is ephemeral and not part of it. */
public record Flow(String sourceIp, String destinationIp, int destinationPort, String protocol) {
}

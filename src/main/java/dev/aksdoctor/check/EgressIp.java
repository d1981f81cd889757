package dev.aksdoctor.check;

/** A public address the nodes' traffic leaves from, and where it came from (load balancer, NAT gateway, firewall). */
public record EgressIp(String address, String resourceId, String source) {
}

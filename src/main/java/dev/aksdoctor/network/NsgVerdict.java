package dev.aksdoctor.network;

/** Outcome of evaluating one NSG; {@code decidingRule} is the first rule by priority that matched. */
public record NsgVerdict(boolean allowed, NsgRule decidingRule, String explanation) {
}

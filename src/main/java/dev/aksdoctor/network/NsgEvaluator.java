package dev.aksdoctor.network;

import java.util.List;

/** Evaluates NSG rules the way Azure does: all rules by priority, the first match decides. */
public final class NsgEvaluator {

    private NsgEvaluator() {
    }

    public static NsgVerdict evaluate(List<NsgRule> rules, Direction direction, Flow flow, AddressContext ctx) {
        throw new UnsupportedOperationException("todo");
    }

    /**
     * A flow through both NSGs; a null layer (or a layer with a null id) means no NSG is associated there.
     * Azure evaluates inbound traffic subnet NSG first, then NIC NSG; outbound traffic NIC NSG first, then
     * subnet NSG. Both must allow.
     */
    public static NsgPathVerdict evaluatePath(NsgLayer subnetNsg, NsgLayer nicNsg, Direction direction, Flow flow,
            AddressContext ctx) {
        throw new UnsupportedOperationException("todo");
    }
}

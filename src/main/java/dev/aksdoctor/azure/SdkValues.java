package dev.aksdoctor.azure;

import com.azure.core.management.SubResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The SDK models' nullable lists, enums and single-or-many fields, read the same way by every mapper. */
final class SdkValues {

    private SdkValues() {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    static String str(Object value) {
        return value == null ? null : value.toString();
    }

    /** ARM's {@code x} and {@code xs} pair (e.g. {@code sourceAddressPrefix} and {@code sourceAddressPrefixes}). */
    static List<String> merge(String single, List<String> many) {
        List<String> out = new ArrayList<>();
        if (single != null && !single.isBlank()) {
            out.add(single);
        }
        list(many).stream().filter(v -> v != null && !v.isBlank() && !out.contains(v)).forEach(out::add);
        return out;
    }

    static List<String> ids(List<SubResource> refs) {
        return list(refs).stream().map(SubResource::id).filter(Objects::nonNull).collect(Collectors.toList());
    }

    static String rgScope(String subscriptionId, String resourceGroup) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }
}

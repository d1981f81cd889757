package dev.aksdoctor.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RangeInputTest {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.7, 203.0.113.7/32",
        "' 203.0.113.7 ', 203.0.113.7/32",
        "203.0.113.0/24, 203.0.113.0/24",
        "2001:db8:abcd::/48, 2001:db8:abcd::/48",
        "2001:0db8:abcd::/48, 2001:db8:abcd::/48",
        "2001:db8::7, 2001:db8::7/128"})
    void anAddressOrARange_becomesTheCidrToAdd(String typed, String cidr) {
        RangeInput read = RangeInput.read(typed);
        assertEquals(Optional.of(cidr), read.cidr(), () -> read.problem().orElse(""));
        assertEquals(Optional.empty(), read.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "my laptop", "203.0.113", "203.0.113.7/33", "203.0.113.07", "10.1",
        "203.0.113.7; rm -rf /", "203.0.113.7\n203.0.113.8", "203.0.113.7/32/32"})
    void anythingElse_isRefusedWithAnExample(String typed) {
        RangeInput read = RangeInput.read(typed);
        assertEquals(Optional.empty(), read.cidr());
        assertTrue(read.problem().orElseThrow().contains("203.0.113.0/24"), read.problem().orElseThrow());
    }

    @Test
    void hostBitsSet_suggestsTheNetwork() {
        assertEquals(Optional.of("203.0.113.7/24 has host bits set; did you mean 203.0.113.0/24?"),
                RangeInput.read("203.0.113.7/24").problem());
    }

    @Test
    void everyAddress_isNotAddedThroughThisButton() {
        assertTrue(RangeInput.read("0.0.0.0/0").problem().orElseThrow().contains("every address"));
        assertTrue(RangeInput.read("::/0").problem().orElseThrow().contains("every address"));
    }

    @Test
    void aPrivateAddress_isExplained_theApiServerSeesThePublicOne() {
        String why = RangeInput.read("10.1.2.3").problem().orElseThrow();
        assertTrue(why.contains("private") && why.contains("ifconfig.me"), why);
    }
}

package dev.aksdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SqueezedTextTest {

    @Test
    void squeeze_whitespaceQuotesAndMarkup_areDroppedAndCaseFolded() {
        assertEquals("vmextensionerror_k8sapiserverconnfail", SqueezedText.of(
                "*VMExtensionError_K8SAPIServerCo   nn\"Fail*`\\").text());
    }

    @Test
    void origin_everySqueezedCharacter_mapsBackToItsPositionInTheText() {
        Random random = new Random(11);
        String alphabet = "aB \n\t*`\"\\x.9";
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(300);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            SqueezedText squeezed = SqueezedText.of(text);
            int k = 0;
            for (int i = 0; i < text.length(); i++) {
                if (" \n\t*`\"\\".indexOf(text.charAt(i)) < 0) {
                    assertEquals(i, squeezed.origin(k), text);
                    k++;
                }
            }
            assertEquals(k, squeezed.length());
            assertEquals(text.length(), squeezed.origin(k));
        }
    }
}

package dev.aksdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasteNormalizerTest {

    private final PasteNormalizer normalizer = new PasteNormalizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '~', value = {
        "slack link with label ;; see <https://aka.ms/x|the doc> now ;; see the doc https://aka.ms/x now",
        "slack link, label is the url ;; <https://aka.ms/x|https://aka.ms/x> ;; https://aka.ms/x",
        "slack link, label is the host ;; <https://a.hcp.eastus.azmk8s.io|a.hcp.eastus.azmk8s.io> ;; https://a.hcp.eastus.azmk8s.io",
        "slack bare link ;; <https://aka.ms/x> ;; https://aka.ms/x",
        "slack mention and channel ;; cc <@U02ABC> in <#C01|oncall> ;; cc in oncall",
        "literal angle brackets stay ;; a < b > c ;; a < b > c",
        "entities decoded once ;; &lt;none&gt; &amp;lt; &quot;q&quot; it&#39;s ;; <none> &lt; \"q\" it's",
        "json escapes ;; Code=\\\"X\\\"\\r\\nnext\\u0027s ;; ~Code=\"X\"\nnext's~",
        "two escape layers ;; \\\\\\\"quoted\\\\\\\" ;; \"quoted\"",
        "windows path kept ;; C:\\AzureData\\CustomData.bin ;; C:\\AzureData\\CustomData.bin",
        "quotes, fences, spaces ;; ~> ```a    b\t c```~ ;; a b c",
        "nested quote markers ;; ~> > quoted twice~ ;; quoted twice",
    })
    void normalize_pastedText_becomesPlainText(String name, String raw, String expected) {
        assertEquals(expected, normalizer.normalize(raw));
    }
}

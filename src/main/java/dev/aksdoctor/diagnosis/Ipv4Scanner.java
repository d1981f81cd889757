package dev.aksdoctor.diagnosis;

/**
 * Finds dotted-quad IPv4 addresses one after the other in a single forward pass; a hand-written scan because a
 * regex that starts with a look-behind is tried at every position of a megabyte paste.
 */
final class Ipv4Scanner {

    private final String text;
    private int pos;
    private int start = -1;
    private int end = -1;

    Ipv4Scanner(String text) {
        this.text = text;
    }

    /** Moves to the next address; false when there is none. */
    boolean next() {
        int n = text.length();
        int i = pos;
        while (i < n) {
            char c = text.charAt(i);
            if (!isDigit(c) || (i > 0 && (isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.'))) {
                i++;
                continue;
            }
            int j = i;
            boolean ok = true;
            for (int octet = 0; octet < 4 && ok; octet++) {
                int digits = 0;
                while (j < n && isDigit(text.charAt(j)) && digits < 4) {
                    j++;
                    digits++;
                }
                ok = digits >= 1 && digits <= 3;
                if (ok && octet < 3) {
                    ok = j < n && text.charAt(j) == '.';
                    j++;
                }
            }
            if (ok && j < n && (isDigit(text.charAt(j))
                    || (text.charAt(j) == '.' && j + 1 < n && isDigit(text.charAt(j + 1))))) {
                ok = false;
            }
            if (ok) {
                start = i;
                end = j;
                pos = j;
                return true;
            }
            i++;
            while (i < n && (isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
        }
        pos = n;
        return false;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    String address() {
        return text.substring(start, end);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

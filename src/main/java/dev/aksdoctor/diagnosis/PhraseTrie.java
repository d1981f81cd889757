package dev.aksdoctor.diagnosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases (catalog names and sentences, subcategory keywords, OS markers) in squeezed text, leftmost-longest and without overlaps. A walk from one position is bounded
 * by the longest phrase, so the scan is linear in the text whatever the input.
 */
final class PhraseTrie<V> {

    /** One phrase found: squeezed positions {@code [start, end)}. */
    record Hit<V>(int start, int end, V value) {
    }

    private static final class Node<V> {
        char[] keys = new char[0];
        Node<V>[] kids = newArray(0);
        V value;

        @SuppressWarnings("unchecked")
        static <V> Node<V>[] newArray(int n) {
            return (Node<V>[]) new Node<?>[n];
        }

        Node<V> child(char c) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == c) {
                    return kids[i];
                }
            }
            return null;
        }

        Node<V> childOrCreate(char c) {
            Node<V> existing = child(c);
            if (existing != null) {
                return existing;
            }
            keys = Arrays.copyOf(keys, keys.length + 1);
            kids = Arrays.copyOf(kids, kids.length + 1);
            keys[keys.length - 1] = c;
            Node<V> created = new Node<>();
            kids[kids.length - 1] = created;
            return created;
        }
    }

    private final Node<V>[] roots = Node.newArray(128);

    PhraseTrie(Map<String, V> phrases) {
        for (Map.Entry<String, V> e : phrases.entrySet()) {
            String phrase = e.getKey();
            if (phrase.isEmpty() || phrase.charAt(0) >= 128) {
                continue;
            }
            char first = phrase.charAt(0);
            if (roots[first] == null) {
                roots[first] = new Node<>();
            }
            Node<V> node = roots[first];
            for (int i = 1; i < phrase.length(); i++) {
                node = node.childOrCreate(phrase.charAt(i));
            }
            if (node.value == null) {
                node.value = e.getValue();
            }
        }
    }

    List<Hit<V>> find(String text, int maxHits) {
        List<Hit<V>> hits = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n && hits.size() < maxHits) {
            char c = text.charAt(i);
            Node<V> node = c < 128 ? roots[c] : null;
            if (node == null) {
                i++;
                continue;
            }
            int bestEnd = -1;
            V best = null;
            int j = i + 1;
            while (true) {
                if (node.value != null) {
                    bestEnd = j;
                    best = node.value;
                }
                if (j >= n) {
                    break;
                }
                node = node.child(text.charAt(j));
                if (node == null) {
                    break;
                }
                j++;
            }
            if (best != null) {
                hits.add(new Hit<>(i, bestEnd, best));
                i = bestEnd;
            } else {
                i++;
            }
        }
        return hits;
    }
}

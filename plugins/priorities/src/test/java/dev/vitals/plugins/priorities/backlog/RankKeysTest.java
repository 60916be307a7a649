package dev.vitals.plugins.priorities.backlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankKeysTest {

    @Test
    void aKeyBetweenTwoSortsStrictlyBetweenThemAndNeverEndsInZero() {
        assertEquals("i", RankKeys.between(null, null));
        assertEquals("9", RankKeys.between(null, "i"));
        assertEquals("ii", RankKeys.between("i", "j"));
        assertEquals("r", RankKeys.between("i", null));
        Random random = new Random(7);
        List<String> keys = new ArrayList<>(List.of("i"));
        for (int n = 0; n < 2000; n++) {
            int at = random.nextInt(keys.size() + 1);
            String key = RankKeys.between(at == 0 ? null : keys.get(at - 1), at == keys.size() ? null : keys.get(at));
            keys.add(at, key);
            assertTrue(!key.endsWith("0"), key);
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, keys, "inserting between neighbours keeps the list in key order");
        assertThrows(IllegalArgumentException.class, () -> RankKeys.between("j", "i"));
    }

    @Test
    void keysAppendedOneAfterAnotherStayShort() {
        String key = null;
        for (int n = 0; n < 10_000; n++) {
            String next = RankKeys.after(key);
            assertTrue(key == null || next.compareTo(key) > 0, next + " after " + key);
            key = next;
        }
        assertTrue(key.length() <= 6, key);
    }
}

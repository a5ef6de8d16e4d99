package io.github.creditrisk.cli.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The borrower ids seen so far in a stream, as 128-bit hashes in an open-addressing table kept at most half
 * full (32 to 64 bytes per id), so that duplicate detection over a million borrowers costs tens of megabytes
 * rather than the hundreds the ids themselves would. Two different ids collide with a probability around n²/2¹²⁹: for a billion ids, 1 in 10²¹. Not
 * thread-safe.
 */
public final class IdSet {

    private long[] table = new long[2 * 1024];
    private int size;
    private final MessageDigest md5;

    public IdSet() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }

    /** Adds {@code id}; returns {@code false} when it was already there. */
    public boolean add(String id) {
        byte[] h = md5.digest(id.getBytes(StandardCharsets.UTF_8));
        long hi = toLong(h, 0);
        long lo = toLong(h, 8);
        if (hi == 0 && lo == 0) {
            lo = 1; // (0, 0) marks an empty slot
        }
        if ((size + 1) * 2 > table.length / 2) {
            grow();
        }
        boolean added = insert(table, hi, lo);
        if (added) {
            size++;
        }
        return added;
    }

    private boolean insert(long[] t, long hi, long lo) {
        int slots = t.length / 2;
        int i = (int) (lo & (slots - 1));
        while (true) {
            long h = t[2 * i];
            long l = t[2 * i + 1];
            if (h == 0 && l == 0) {
                t[2 * i] = hi;
                t[2 * i + 1] = lo;
                return true;
            }
            if (h == hi && l == lo) {
                return false;
            }
            i = (i + 1) & (slots - 1);
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(table, old[i], old[i + 1]);
            }
        }
    }

    /** How many distinct ids were added. */
    public int size() {
        return size;
    }

    private static long toLong(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}

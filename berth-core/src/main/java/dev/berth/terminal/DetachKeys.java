package dev.berth.terminal;

import java.io.ByteArrayOutputStream;

/**
 * Docker's default detach keys, ctrl-p ctrl-q, found in what is typed, across reads: a ctrl-p is held back until the
 * next byte shows whether it starts the sequence (then nothing more is sent) or not (then it is sent with that
 * byte). Not thread-safe: one reader's.
 */
public final class DetachKeys {

    private static final int CTRL_P = 0x10;
    private static final int CTRL_Q = 0x11;

    private boolean pendingCtrlP;
    private boolean detached;

    /** The bytes of {@code input[0..length)} to send on; after the sequence, none. */
    public byte[] filter(byte[] input, int length) {
        var send = new ByteArrayOutputStream(length + 1);
        for (int i = 0; i < length && !detached; i++) {
            int b = input[i] & 0xFF;
            if (pendingCtrlP) {
                pendingCtrlP = false;
                if (b == CTRL_Q) {
                    detached = true;
                    break;
                }
                send.write(CTRL_P);
            }
            if (b == CTRL_P) {
                pendingCtrlP = true;
            } else {
                send.write(b);
            }
        }
        return send.toByteArray();
    }

    /** Whether the sequence was typed. */
    public boolean detached() {
        return detached;
    }
}

package org.difflab.distributed.job;

import java.io.Serializable;

/**
 * An item's own failure, sent to the driver through an accumulator as soon as its task ends.
 *
 * @param message  one line naming the item and what went wrong
 * @param badInput whether the item's input was refused ({@link IllegalArgumentException})
 */
record ItemFailure(String message, boolean badInput) implements Serializable {

    /** The exception the driver throws for it: bad input stays an {@link IllegalArgumentException}. */
    RuntimeException exception() {
        return badInput ? new IllegalArgumentException(message) : new JobFailedException(message);
    }
}

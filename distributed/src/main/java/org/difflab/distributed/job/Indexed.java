package org.difflab.distributed.job;

import java.io.Serializable;

/** An item with its position in the job, so that results come back in order and failures say which item failed. */
record Indexed<T extends TaskItem>(int index, T item) implements Serializable {
}

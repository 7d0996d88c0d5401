package org.difflab.dsl.testing;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One NDManager for all tests of a class, opened before the first test and closed (with every array made on it) after
 * the last, as a JUnit 5 extension: {@code @RegisterExtension static final ManagerPerTestClass MANAGER = new
 * ManagerPerTestClass();} in place of the same static field, {@code @BeforeAll} and {@code @AfterAll} in each class.
 */
public final class ManagerPerTestClass implements BeforeAllCallback, AfterAllCallback {
    private NDManager manager;

    @Override
    public void beforeAll(ExtensionContext context) {
        manager = NDManager.newBaseManager();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        manager.close();
        manager = null;
    }

    /** The open manager; only between the class's first and last test (or in its static helpers called from them). */
    public NDManager get() {
        if (manager == null) {
            throw new IllegalStateException("the test class's NDManager is not open: use it from a test, not a static initialiser");
        }
        return manager;
    }
}

package org.difflab.dsl.conformance;

import java.util.stream.Stream;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The variants the Langevin integrators' knobs select pass the Langevin conformance suite too, with shorter gradient and
 * memory runs (they share the step scoping that the default configurations check at full length).
 */
class LangevinVariantConformanceTest {
    private static final LangevinConformance.Options LIGHT = new LangevinConformance.Options(0.04, 400, 4000, 300, 500, 64L << 20);

    @TestFactory
    Stream<DynamicTest> variantsConform() {
        return Stream.of("randomizedMidpoint:form=underdamped", "randomizedMidpoint:noise=independent",
                        "randomizedMidpoint:form=underdamped,noise=independent", "plmc:K=4,select=one,noise=sparse",
                        "plmc:K=4,form=underdamped", "plmc:K=4,lambda=2,noise=sparse,share=batch",
                        "plmc:K=4,select=one,form=underdamped,noise=sparse")
                .map(spec -> DynamicTest.dynamicTest(spec, () -> LangevinConformanceTest.check(LangevinIntegrators.parse(spec), LIGHT)));
    }
}

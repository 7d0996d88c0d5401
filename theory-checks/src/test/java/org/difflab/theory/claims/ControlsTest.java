package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every control of the standard catalogue, run: each mutant must be VIOLATED (the claim catches it) and each positive
 * control must HOLD. A test fails when a mutant survives, so a claim that cannot fail is noticed. The network tier's
 * controls need the trained zoo and run with {@code difflab check --tier network --controls}; NetworkClaimsTest runs the
 * same kinds of mutants on tiny trained networks.
 */
class ControlsTest {

    static Stream<Arguments> controls() {
        return Catalogue.entries().stream().filter(e -> e.tier() == Tier.STANDARD)
                .flatMap(e -> e.controls().stream().map(c -> Arguments.of(e.id(), c.name(), c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("controls")
    void controlComesOutAsItsRoleRequires(String id, String name, Control control) {
        ControlResult r = control.run();
        assertThat(r.verdict()).as(id + " control " + name + " (" + control.role().label() + ", " + control.change() + "): " + r.reason())
                .isEqualTo(control.role().required());
        assertThat(r.passed()).isTrue();
    }

    @Test
    void everyClaimHasAMutant() {
        List<String> without = Catalogue.entries().stream().filter(e -> e.mutants().isEmpty()).map(CatalogueEntry::id).toList();
        assertThat(without).as("claims without a mutant (every claim must be able to fail)").containsExactly("network-mlem-hierarchy", "network-mlem-fashion");
    }

    @Test
    void everyKindHasAPositiveControl() {
        List<String> kinds = Catalogue.entries().stream().filter(e -> e.tier() == Tier.STANDARD)
                .filter(e -> e.controls().stream().anyMatch(c -> c.role() == ControlRole.POSITIVE)).map(e -> e.claim().getClass().getSimpleName())
                .distinct().toList();
        assertThat(kinds).contains("OrderClaim", "ErrorRatioClaim", "ComplexityClaim", "StationaryVarianceClaim");
    }
}

package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The standard-sampler order claims, measured in full (each runs in about a second on the exact evaluator). */
class CatalogueTest {

    @ParameterizedTest
    @ValueSource(strings = {"order-ddim", "order-pf-euler", "order-heun", "order-dpmpp2m"})
    void deterministicSamplerOrdersHold(String id) {
        ClaimResult r = Catalogue.byId(id).check();
        Check c = r.checks().get(0);
        assertThat(r.verdict()).as(id + ": " + c.judgement().reason()).isEqualTo(Verdict.HOLDS);
        assertThat(c.quantity()).isEqualTo("order");
        assertThat(r.tables().get(0).rows()).hasSize(5);
        assertThat(r.chart().lines()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-ddpm", "order-euler-maruyama", "order-dpmpp2m-sde"})
    void stochasticSamplerWeakOrdersHold(String id) {
        ClaimResult r = Catalogue.byId(id).check();
        assertThat(r.verdict()).as(id + ": " + r.checks().get(0).judgement().reason()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void everyStandardSamplerHasAnOrderClaim() {
        assertThat(Catalogue.ids()).startsWith("order-ddim", "order-pf-euler", "order-heun", "order-dpmpp2m", "order-dpmpp2m-sde",
                "order-ddpm", "order-euler-maruyama");
        assertThat(Catalogue.all()).allSatisfy(c -> assertThat(c.source()).isNotBlank());
    }

    @Test
    void everyClaimStatesItsProvenanceKindAndRule() {
        assertThat(Catalogue.all()).allSatisfy(c -> {
            assertThat(c.provenance().paper()).as(c.id()).isNotBlank();
            assertThat(c.provenance().place()).as(c.id()).isNotBlank();
            assertThat(c.rule()).as(c.id()).isNotBlank();
            assertThat(c.source()).startsWith(c.provenance().paper());
        });
        // the claims whose algorithm or recipe DiffLab had to rebuild from the paper's ingredients (research notes: [R])
        assertThat(Catalogue.all().stream().filter(c -> c.kind() == ClaimKind.RECONSTRUCTION).map(Claim::id)).contains("pmm-distance-to-data",
                "li-cai-rate", "complexity-li-cai", "piadm-rounds-polylog-in-d", "network-pmm-budget");
        assertThat(Catalogue.byId("mlem-estimator").kind()).isEqualTo(ClaimKind.CONSISTENCY);
        assertThat(Catalogue.byId("paradigms-rounds-ddpm-1000").provenance().differs()).contains("not wall-clock");
    }

    @Test
    void theDefaultTierNeedsNoTrainedNetwork() {
        assertThat(Catalogue.all(Tier.STANDARD)).noneMatch(c -> c.id().startsWith("network-"));
        assertThat(Catalogue.entries().stream().filter(e -> e.tier() == Tier.NETWORK).map(CatalogueEntry::id))
                .allMatch(id -> id.startsWith("network-"));
        assertThat(Catalogue.entries().stream().filter(e -> e.tier() == Tier.STANDARD)).allMatch(e -> e.zoo().isEmpty());
        assertThat(Catalogue.entry("network-mlem-hierarchy").zoo()).hasSize(4);
    }

    @Test
    void unknownIdNamesTheAllowedOnes() {
        assertThatThrownBy(() -> Catalogue.byId("order-nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claim = 'order-nope'").hasMessageContaining("order-heun");
    }

    @Test
    void aClaimAboutAWrongOrderIsViolated() {
        OrderClaim c = (OrderClaim) Catalogue.byId("order-ddim");
        OrderClaim wrong = new OrderClaim("order-ddim-as-2", c.family(), c.provenance(), "DDIM claimed second order (a wrong claim)",
                List.of("ddim"), c.experiment().withSteps(80, 160, 320), 2, 0.05, "");
        assertThat(wrong.check().verdict()).isEqualTo(Verdict.VIOLATED);
    }
}

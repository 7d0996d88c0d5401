package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.spec.Registry;
import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void integratorsAreListedWithTheirProperties() {
        Cli r = Cli.run("list", "integrators");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("ddpm", "ddim", "eulerMaruyama", "probabilityFlowEuler", "heun", "dpmSolverPP2M",
                "dpmSolverPP2MSde", "NFE/step", "stochastic", "order");
        for (Registry.Entry<Integrator> reg : Integrators.registrations()) {
            assertThat(r.out()).as("every registered integrator is listed").contains(reg.name());
        }
        assertThat(r.out().lines().filter(l -> l.startsWith("heun ")).findFirst()).hasValueSatisfying(
                l -> assertThat(l).contains(" 2 ", " no ", "2.0"));
    }

    @Test
    void everyCatalogueIsListedWhenNoneIsNamed() {
        Cli r = Cli.run("list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Integrators", "Schedules", "Targets", "Grids", "linear:T=1000", "gmm:preset=ring8",
                "karras:rho=7");
    }

    @Test
    void theListingFits100ColumnsAndWideOrOneEntryShowsItAll() {
        Cli narrow = Cli.run("list");
        assertThat(narrow.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        assertThat(narrow.out()).contains("...").contains("(shortened to 100 columns: 'difflab list NAME' or --wide shows it all)");
        Cli wide = Cli.run("list", "--wide");
        for (Registry.Entry<Integrator> reg : Integrators.registrations()) {
            assertThat(wide.out()).contains(reg.description());
        }
        Cli heun = Cli.run("list", "heun");
        assertThat(heun.out()).isEqualTo(String.join(System.lineSeparator(), "integrator:  heun", "parameters:  -", "NFE/step:    2", "stochastic:  no",
                "order:       2.0", "k-diffusion: sample_heun (no churn)", "diffusers:   HeunDiscreteScheduler",
                "description: EDM second-order Heun (Karras et al. 2022)", ""));
        Cli typo = Cli.run("list", "hune");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("WHAT = hune is not allowed").contains("did you mean 'heun'?");
    }

    /** mlemPoisson, named by check's mlem-eta-plateau, is not registered: the listing, list NAME and --integrator say why. */
    @Test
    void theCodeOnlyIntegratorIsNamedWithWhyItIsNotListed() {
        Cli list = Cli.run("list", "integrators");
        assertThat(list.out()).contains("Not listed: mlemPoisson (built in code only; 'difflab list mlemPoisson' says why)");
        Cli entry = Cli.run("list", "mlemPoisson");
        assertThat(entry.exitCode()).isZero();
        assertThat(entry.out()).startsWith("integrator:  mlemPoisson (not registered)").contains("why:", "ModelHierarchy", "mlem-eta-plateau");
        Cli sample = Cli.run("sample", "--target", "gaussian:d=2", "--integrator", "mlemPoisson", "--n", "4", "--steps", "10");
        assertThat(sample.exitCode()).isEqualTo(2);
        assertThat(sample.err().lines()).hasSize(1).first().asString().contains("mlemPoisson is the grid-free Poisson-jump limit of mlem");
    }

    @Test
    void checksClaimListFits100Columns() {
        Cli r = Cli.run("check", "--list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines()).hasSizeGreaterThan(30).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        assertThat(Cli.run("check", "--list", "--wide").out().lines().mapToInt(String::length).max().getAsInt()).isGreaterThan(100);
    }

    @Test
    void unknownCatalogueIsAUsageError() {
        Cli r = Cli.run("list", "samplers");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("difflab: error: ").contains("samplers", "integrators, schedules, targets, grids");
    }

    /** docs/samplers.md's "Names people know" gives each sampler the names `list` shows (backticks aside). */
    @Test
    void theDocsNameThePeersAsListDoes() throws IOException {
        String text = Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("docs/samplers.md"));
        String section = text.substring(text.indexOf("\n## Names people know"));
        int rows = 0;
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String name = cells[1].trim().replace("`", "");
            PeerNames.Peer peer = PeerNames.of(name);
            assertThat(cells[3].trim().replace("`", "")).as("k-diffusion's name of %s", name).isEqualTo(peer.kDiffusion());
            assertThat(cells[4].trim().replace("`", "")).as("diffusers' name of %s", name).isEqualTo(peer.diffusers());
            rows++;
        }
        assertThat(rows).isEqualTo(Integrators.registrations().size());
    }
}

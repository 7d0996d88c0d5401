package org.difflab.distributed.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MasterUrlTest {

    @ParameterizedTest
    @CsvSource({"local, 1, 1", "local[3], 3, 1", "local[*], 0, 1", "'local[2,4]', 2, 4", "'local[*,3]', 0, 3"})
    void localFormsGiveThreadsAndAttempts(String url, int threads, int attempts) {
        MasterUrl m = MasterUrl.parse("--master", url);
        assertThat(m.local()).isTrue();
        assertThat(m.threads()).isEqualTo(threads);
        assertThat(m.maxFailures()).isEqualTo(attempts);
        assertThat(m.loopbackOnly()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"spark://127.0.0.1:7077, true", "spark://localhost:7077, true", "spark://192.0.2.7:7077, false"})
    void standaloneMastersAreParsedWithTheirAddresses(String url, boolean loopback) {
        MasterUrl m = MasterUrl.parse("--master", url);
        assertThat(m.local()).isFalse();
        assertThat(m.masters()).hasSize(1);
        assertThat(m.masters().get(0).port()).isEqualTo(7077);
        assertThat(m.loopbackOnly()).isEqualTo(loopback);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "spark://h1:7077,h2:7078|h1:7077|h2:7078"})
    void standbyMastersAreAllKept(String url, String first, String second) {
        assertThat(MasterUrl.parse("--master", url).masters().stream().map(Object::toString).toList()).isEqualTo(List.of(first, second));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yarn", "k8s://https://h:443", "spark://host", "spark://host:0", "spark://host:70000", "spark://:7077",
            "local[0]", "local[-1]", "local[x]", "local[2,0]", "localhost", "mesos://h:5050", "spark://h:7077,", "http://h:7077"})
    void otherFormsAreRefusedNamingTheOptionAndTheAllowedForms(String url) {
        assertThatThrownBy(() -> MasterUrl.parse("--master", url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--master").hasMessageContaining("not allowed").satisfies(e -> assertThat(e.getMessage())
                        .containsAnyOf("local[*]", "outside 1..65535", "integer >= 1"));
    }
}

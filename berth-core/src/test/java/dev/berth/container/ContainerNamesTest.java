package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ExecutionException;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"web", "a1", "my_app.v2-final", "9lives", "WEB"})
    void acceptsDockersNames(String name) {
        assertThat(ContainerNames.checked(name)).isEqualTo(name);
    }

    @Test
    void dropsOneLeadingSlashAsDockerDoes() {
        assertThat(ContainerNames.checked("/web")).isEqualTo("web");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "_web", ".web", "-web", "web app", "web/app", "wéb", "//web", "web:1"})
    void refusesOthersWithDockersText(String name) {
        assertThatThrownBy(() -> ContainerNames.checked(name)).isInstanceOf(ExecutionException.class)
                .hasMessage("Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }

    @Test
    void generatesAdjectiveUnderscoreSurname() {
        var random = new SplittableRandom(12);
        for (int i = 0; i < 200; i++) {
            String name = ContainerNames.generate(random, taken -> false);
            assertThat(name).matches("[a-z]+_[a-z]+");
            String[] parts = name.split("_");
            assertThat(ContainerNames.ADJECTIVES).contains(parts[0]);
            assertThat(ContainerNames.SURNAMES).contains(parts[1]);
            assertThat(ContainerNames.isValid(name)).isTrue();
        }
    }

    @Test
    void skipsTakenNames() {
        var taken = new HashSet<String>();
        var random = new SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            assertThat(taken.add(ContainerNames.generate(random, taken::contains))).isTrue();
        }
    }

    @Test
    void appendsADigitWhenThePlainPairsKeepBeingTaken() {
        String name = ContainerNames.generate(new SplittableRandom(5), candidate -> !candidate.matches(".*\\d"));
        assertThat(name).matches("[a-z]+_[a-z]+\\d");
    }

    @Test
    void wordListsAreDistinctLowercaseWords() {
        for (List<String> words : List.of(ContainerNames.ADJECTIVES, ContainerNames.SURNAMES)) {
            assertThat(words).doesNotHaveDuplicates().allMatch(word -> word.matches("[a-z]+"));
        }
        assertThat(Stream.of(ContainerNames.ADJECTIVES.size(), ContainerNames.SURNAMES.size())).allMatch(n -> n >= 60);
    }
}

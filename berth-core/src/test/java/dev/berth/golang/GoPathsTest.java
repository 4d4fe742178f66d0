package dev.berth.golang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code path.Clean}; the table is Go's own {@code cleantests} (path_test.go). */
class GoPathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                    | .
            abc                                   | abc
            abc/def                               | abc/def
            a/b/c                                 | a/b/c
            .                                     | .
            ..                                    | ..
            ../..                                 | ../..
            ../../abc                             | ../../abc
            /abc                                  | /abc
            /                                     | /
            abc/                                  | abc
            abc/def/                              | abc/def
            a/b/c/                                | a/b/c
            ./                                    | .
            ../                                   | ..
            ../../                                | ../..
            /abc/                                 | /abc
            abc//def//ghi                         | abc/def/ghi
            //abc                                 | /abc
            ///abc                                | /abc
            //abc//                               | /abc
            abc//                                 | abc
            abc/./def                             | abc/def
            /./abc/def                            | /abc/def
            abc/.                                 | abc
            abc/def/ghi/../jkl                    | abc/def/jkl
            abc/def/../ghi/../jkl                 | abc/jkl
            abc/def/..                            | abc
            abc/def/../..                         | .
            /abc/def/../..                        | /
            abc/def/../../..                      | ..
            /abc/def/../../..                     | /
            abc/def/../../../ghi/jkl/../../../mno | ../../mno
            abc/./../def                          | def
            abc//./../def                         | def
            abc/../../././../def                  | ../../def
            /..                                   | /
            """)
    void cleansAsPathClean(String path, String clean) {
        assertThat(GoPaths.clean(path)).isEqualTo(clean);
    }
}

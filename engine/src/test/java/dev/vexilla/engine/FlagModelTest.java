package dev.vexilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ObjectMappers;
import java.io.IOException;
import org.junit.jupiter.api.Test;

final class FlagModelTest {

    private static JsonNode json(String text) throws IOException {
        return ObjectMappers.shared().readTree(text);
    }

    @Test
    void devCycleConfigIsDetectedByItsFourTopLevelParts() throws IOException {
        assertThat(FlagModel.detect(json("{\"project\":{},\"environment\":{},\"features\":[],\"variables\":[]}")))
                .contains(FlagModel.DEVCYCLE_V2);
    }

    @Test
    void configCatConfigIsDetectedByItsSettingsPreferencesOrSegments() throws IOException {
        assertThat(FlagModel.detect(json("{\"f\":{}}"))).contains(FlagModel.CONFIGCAT_V6);
        assertThat(FlagModel.detect(json("{\"p\":{\"u\":\"x\"}}"))).contains(FlagModel.CONFIGCAT_V6);
        assertThat(FlagModel.detect(json("{\"s\":[]}"))).contains(FlagModel.CONFIGCAT_V6);
        assertThat(FlagModel.detect(json("{\"flags\":{\"a\":true}}"))).contains(FlagModel.CONFIGCAT_V6);
    }

    @Test
    void otherDocumentsHaveNoModel() throws IOException {
        assertThat(FlagModel.detect(json("{\"project\":{},\"features\":[]}"))).isEmpty();
        assertThat(FlagModel.detect(json("[]"))).isEmpty();
        assertThat(FlagModel.detect(json("{}"))).isEmpty();
    }
}

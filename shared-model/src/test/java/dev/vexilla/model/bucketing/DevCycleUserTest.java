package dev.vexilla.model.bucketing;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static dev.vexilla.model.RoundTrips.assertRoundTrip;
import static dev.vexilla.model.RoundTrips.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.ContextMapper;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.User;
import dev.vexilla.model.WirePayloadException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DevCycleUserTest {

    private static final Instant CREATED = Instant.ofEpochMilli(1_700_000_000_000L);

    @Test
    void fullUserJsonRoundTripsUnchanged() throws Exception {
        DevCycleUser user = assertRoundTrip(resource("bucketing/user-full.json"), DevCycleUser.class);

        assertThat(user.userId()).isEqualTo("user-42");
        assertThat(user.stringField("appVersion")).isEqualTo("2.4.1");
        assertThat(user.createdDate()).isEqualTo(CREATED);
    }

    @Test
    void jsonToUserMapsEveryField() throws Exception {
        DevCycleUser wire = ObjectMappers.read(MAPPER, resource("bucketing/user-full.json"), DevCycleUser.class);

        User user = wire.toUser();

        assertThat(user.identifier()).isEqualTo("user-42");
        assertThat(user.email()).isEqualTo("ada@example.com");
        assertThat(user.country()).isEqualTo("GB");
        assertThat(user.customAttributes())
                .containsEntry("name", "Ada")
                .containsEntry("language", "en")
                .containsEntry("appVersion", "2.4.1")
                .containsEntry("appBuild", "512")
                .containsEntry("platform", "Java")
                .containsEntry("platformVersion", "21")
                .containsEntry("deviceModel", "server")
                .containsEntry("sdkType", "server")
                .containsEntry("sdkVersion", "0.1.0")
                .containsEntry("sdkPlatform", "vexilla")
                .containsEntry("hostname", "app-1")
                .containsEntry("createdDate", CREATED)
                .containsEntry("lastSeenDate", Instant.ofEpochMilli(1_700_000_500_000L))
                .containsEntry("plan", "pro")
                .containsEntry("seats", 12)
                .containsEntry("ratio", 0.75)
                .containsEntry("beta", true)
                .containsEntry("big", 5_000_000_000L)
                .containsEntry("roles", Arrays.asList("admin", "editor"))
                .containsEntry("ssnHash", "9f2c");
        assertThat(user.privateAttributeNames()).containsExactly("ssnHash");
    }

    @Test
    void jsonToUserToJsonIsIdentity() throws Exception {
        byte[] json = resource("bucketing/user-full.json");
        DevCycleUser wire = ObjectMappers.read(MAPPER, json, DevCycleUser.class);

        DevCycleUser back = DevCycleUser.fromUser(wire.toUser());

        assertThat(back).isEqualTo(wire);
        dev.vexilla.model.RoundTrips.assertSameTree(json, MAPPER.writeValueAsBytes(back));
    }

    @Test
    void userToJsonToUserIsIdentity() throws Exception {
        User user = User.builder()
                .identifier("u")
                .email("e@x.io")
                .country("HU")
                .attribute("name", "Zoe")
                .attribute("createdDate", CREATED)
                .attribute("plan", "pro")
                .attribute("n", 3)
                .attribute("l", 5_000_000_000L)
                .attribute("d", 2.5)
                .attribute("b", false)
                .attribute("tags", Arrays.asList("x", "y"))
                .attribute("json", "{\"a\":1}")
                .privateAttribute("secret", "s")
                .build();

        byte[] json = MAPPER.writeValueAsBytes(DevCycleUser.fromUser(user));
        User back = ObjectMappers.read(MAPPER, json, DevCycleUser.class).toUser();

        assertThat(back.toBuilder().build()).isEqualTo(back);
        assertThat(back.identifier()).isEqualTo(user.identifier());
        assertThat(back.customAttributes()).isEqualTo(user.customAttributes());
        assertThat(back.privateAttributeNames()).isEqualTo(user.privateAttributeNames());
        for (String name : user.customAttributes().keySet()) {
            assertThat(back.attribute(name)).as("ConfigCat view of " + name).isEqualTo(user.attribute(name));
            assertThat(back.customData(name)).as("DevCycle view of " + name).isEqualTo(user.customData(name));
        }
    }

    @Test
    void lowercaseAliasesTravelAsTheUsersOwnFieldsNotAsCustomData() {
        User user = ContextMapper.toUser(new ImmutableContext(
                "u", Map.of("email", new Value("e@x.io"), "country", new Value("HU"), "plan", new Value("pro"))));

        DevCycleUser wire = DevCycleUser.fromUser(user);

        assertThat(wire.email()).isEqualTo("e@x.io");
        assertThat(wire.country()).isEqualTo("HU");
        assertThat(wire.customData()).containsOnlyKeys("plan");
        assertThat(wire.toUser().customData("email")).isNull();
        assertThat(wire.toUser().customData("plan")).isEqualTo("pro");
    }

    @Test
    void instantInCustomDataTravelsAsUnixSeconds() throws Exception {
        User user = User.builder()
                .identifier("u")
                .attribute("signup", Instant.ofEpochSecond(1_700_000_000L))
                .attribute("seen", Instant.ofEpochMilli(1_700_000_000_250L))
                .build();

        String json = MAPPER.writeValueAsString(DevCycleUser.fromUser(user));

        assertThat(json).contains("\"signup\":1700000000").contains("\"seen\":1.70000000025E9");
    }

    @Test
    void standardFieldWithWrongTypeGoesToCustomData() throws Exception {
        User user = User.builder().identifier("u").attribute("name", 7).build();

        DevCycleUser wire = DevCycleUser.fromUser(user);

        assertThat(wire.stringField("name")).isNull();
        assertThat(wire.customData()).containsEntry("name", 7);
        assertThat(wire.toUser().attribute("name")).isEqualTo(7);
        assertThat(wire.toUser().customData("name")).isEqualTo(7);
        assertThat(user.customData("name")).isEqualTo(7);
    }

    @Test
    void privateStandardNameStaysPrivate() {
        User user = User.builder()
                .identifier("u")
                .privateAttribute("name", "Hidden")
                .build();

        DevCycleUser wire = DevCycleUser.fromUser(user);

        assertThat(wire.stringField("name")).isNull();
        assertThat(wire.privateCustomData()).containsEntry("name", "Hidden");
        assertThat(wire.toUser().isPrivate("name")).isTrue();
    }

    @Test
    void standardFieldWinsOverCustomDataWhichWinsOverPrivate() throws Exception {
        String json = "{\"user_id\":\"u\",\"name\":\"std\",\"customData\":{\"name\":\"cd\",\"plan\":\"cd\"},"
                + "\"privateCustomData\":{\"plan\":\"pcd\"}}";

        User user = ObjectMappers.read(MAPPER, json, DevCycleUser.class).toUser();

        assertThat(user.attribute("name")).isEqualTo("std");
        assertThat(user.attribute("plan")).isEqualTo("cd");
        assertThat(user.isPrivate("plan")).isFalse();
    }

    @Test
    void nestedCustomDataBecomesJsonTextAndMixedListsToo() throws Exception {
        String json = "{\"user_id\":\"u\",\"customData\":{\"prefs\":{\"z\":1,\"a\":[true]},\"mixed\":[\"a\",1],"
                + "\"none\":null,\"Email\":\"x@y.z\"}}";

        User user = ObjectMappers.read(MAPPER, json, DevCycleUser.class).toUser();

        assertThat(user.attribute("prefs")).isEqualTo("{\"a\":[true],\"z\":1}");
        assertThat(user.attribute("mixed")).isEqualTo("[\"a\",1]");
        assertThat(user.customAttributes()).doesNotContainKeys("none", "Email");
        assertThat(user.email()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000000000", "\"1700000000000\"", "\"2023-11-14T22:13:20Z\""})
    void datesAreReadFromMillisOrIsoText(String raw) throws Exception {
        DevCycleUser user =
                ObjectMappers.read(MAPPER, "{\"user_id\":\"u\",\"createdDate\":" + raw + "}", DevCycleUser.class);

        assertThat(user.createdDate()).isEqualTo(CREATED);
    }

    @Test
    void withoutPrivateCustomDataDropsOnlyThePrivatePart() throws Exception {
        DevCycleUser wire = ObjectMappers.read(MAPPER, resource("bucketing/user-full.json"), DevCycleUser.class);

        DevCycleUser open = wire.withoutPrivateCustomData();

        assertThat(open.privateCustomData()).isEmpty();
        assertThat(open.customData()).isEqualTo(wire.customData());
        assertThat(MAPPER.writeValueAsString(open))
                .doesNotContain("privateCustomData")
                .doesNotContain("9f2c");
        assertThat(open.withoutPrivateCustomData()).isSameAs(open);
    }

    @Test
    void toStringDoesNotShowPrivateValues() throws Exception {
        DevCycleUser wire = ObjectMappers.read(MAPPER, resource("bucketing/user-full.json"), DevCycleUser.class);

        assertThat(wire.toString()).contains("ssnHash").doesNotContain("9f2c");
    }

    @Test
    void builderRejectsUnknownStringField() {
        assertThatThrownBy(() -> DevCycleUser.builder().stringField("favouriteColour", "red"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("favouriteColour");
    }

    @Test
    void builderSetsEveryPublicField() {
        DevCycleUser user = DevCycleUser.builder()
                .userId("u")
                .email("e")
                .country("c")
                .stringField("language", "de")
                .createdDate(CREATED)
                .lastSeenDate(CREATED)
                .customData(Collections.singletonMap("a", 1))
                .privateCustomData(Collections.singletonMap("b", 2))
                .build();

        assertThat(user.toBuilder().build()).isEqualTo(user).hasSameHashCodeAs(user);
        assertThat(user.lastSeenDate()).isEqualTo(CREATED);
        assertThat(user.email()).isEqualTo("e");
        assertThat(user.country()).isEqualTo("c");
    }

    @Test
    void wrongTypedStandardFieldIsATypedError() {
        assertThatThrownBy(() -> ObjectMappers.read(MAPPER, "{\"user_id\":\"u\",\"appVersion\":5}", DevCycleUser.class))
                .isInstanceOf(WirePayloadException.class)
                .hasMessage("$.appVersion: expected a string");
    }

    @Test
    void wrongTypeInUserJsonIsATypedError() {
        assertThatThrownBy(() -> ObjectMappers.read(MAPPER, "{\"user_id\":\"u\",\"email\":{}}", DevCycleUser.class))
                .isInstanceOf(WirePayloadException.class)
                .hasMessage("$.email: expected a string");
    }

    @Test
    void isAnonymousIsReadAndWrittenOnlyWhenTrue() throws Exception {
        DevCycleUser anonymous =
                ObjectMappers.read(MAPPER, "{\"isAnonymous\":true,\"email\":\"a@b.c\"}", DevCycleUser.class);
        DevCycleUser absent = ObjectMappers.read(MAPPER, "{\"user_id\":\"u\"}", DevCycleUser.class);

        assertThat(anonymous.isAnonymous()).isTrue();
        assertThat(MAPPER.writeValueAsString(anonymous)).isEqualTo("{\"isAnonymous\":true,\"email\":\"a@b.c\"}");
        assertThat(absent.isAnonymous()).isFalse();
        assertThat(MAPPER.writeValueAsString(absent)).isEqualTo("{\"user_id\":\"u\"}");
        assertThat(anonymous.toBuilder().build()).isEqualTo(anonymous).hasSameHashCodeAs(anonymous);
        assertThat(anonymous)
                .isNotEqualTo(anonymous.toBuilder().isAnonymous(false).build());
        assertThat(anonymous.toString()).contains("isAnonymous=true");
    }

    @Test
    void anonymousWithoutIdNeedsTheFlagAndNoUsableUserId() {
        assertThat(DevCycleUser.builder().isAnonymous(true).build().isAnonymousWithoutId())
                .isTrue();
        assertThat(DevCycleUser.builder().isAnonymous(true).userId("").build().isAnonymousWithoutId())
                .isTrue();
        assertThat(DevCycleUser.builder().isAnonymous(true).userId("u").build().isAnonymousWithoutId())
                .isFalse();
        assertThat(DevCycleUser.builder().build().isAnonymousWithoutId()).isFalse();
    }

    @Test
    void isAnonymousIsNoUserAttributeAndAnEmptyUserIdIsNoIdentifier() {
        User user = DevCycleUser.builder()
                .isAnonymous(true)
                .userId("")
                .email("a@b.c")
                .build()
                .toUser();

        assertThat(user.identifier()).isNull();
        assertThat(user.email()).isEqualTo("a@b.c");
        assertThat(user.customAttributes()).isEmpty();
    }

    @Test
    void wrongTypedIsAnonymousIsATypedError() {
        assertThatThrownBy(() -> ObjectMappers.read(MAPPER, "{\"isAnonymous\":{}}", DevCycleUser.class))
                .isInstanceOf(WirePayloadException.class)
                .hasMessageStartingWith("$.isAnonymous");
    }
}

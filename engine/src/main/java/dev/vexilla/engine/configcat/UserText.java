package dev.vexilla.engine.configcat;

import dev.vexilla.model.UserAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a user as ConfigCat's evaluation log shows it: a JSON object with {@code Identifier}, {@code Email} and
 * {@code Country} first (each only when present and not empty, the identifier also when empty), then the custom
 * attributes in name order. Used only when the log is enabled.
 */
final class UserText {

    private UserText() {}

    static String json(UserAttributes user) {
        Map<String, Object> custom = new TreeMap<>();
        Object[] wellKnown = new Object[3];
        user.forEachAttribute((name, value) -> {
            switch (name) {
                case UserAttributes.IDENTIFIER:
                    wellKnown[0] = value;
                    break;
                case UserAttributes.EMAIL:
                    wellKnown[1] = "".equals(value) ? null : value;
                    break;
                case UserAttributes.COUNTRY:
                    wellKnown[2] = "".equals(value) ? null : value;
                    break;
                default:
                    custom.put(name, value);
            }
        });
        StringBuilder sb = new StringBuilder("{");
        String[] names = {UserAttributes.IDENTIFIER, UserAttributes.EMAIL, UserAttributes.COUNTRY};
        for (int i = 0; i < 3; i++) {
            if (wellKnown[i] != null) {
                member(sb, names[i], wellKnown[i]);
            }
        }
        custom.forEach((name, value) -> member(sb, name, value));
        return sb.append('}').toString();
    }

    private static void member(StringBuilder sb, String name, Object value) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        AttributeText.jsonString(sb, name);
        sb.append(':');
        if (value instanceof Instant) {
            AttributeText.jsonString(sb, value.toString());
        } else {
            AttributeText.jsonValue(sb, value);
        }
    }
}

package dev.vexilla.engine.devcycle;

import dev.vexilla.model.UserAttributes;

/** A {@code user} filter on a string field: {@code user_id}, {@code email}, {@code country}, {@code deviceModel}, {@code platform}. */
final class UserFilterCondition extends Condition {

    private final UserField field;
    private final Comparator op;
    private final FilterValues values;

    UserFilterCondition(UserField field, Comparator op, FilterValues values) {
        this.field = field;
        this.op = op;
        this.values = values;
    }

    @Override
    int match(UserAttributes user, DevCycleEnvironment env) {
        return StringChecks.strings(field.read(user, env), op, values) ? 0 : NO_MATCH;
    }

    @Override
    int variants() {
        return 1;
    }

    @Override
    String details(int variant) {
        return field.details;
    }
}

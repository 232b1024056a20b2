"""When a check-in alerts the supporter: the thresholds, in one place (the service and the demo use it)."""

from api.core.config import get_settings
from api.models import AlertReason, CheckinNeed


def alert_reasons(
    *, wellbeing: int, care_burden: int, needs: list[str], previous_wellbeing: int | None
) -> list[AlertReason]:
    """Care that is too heavy, a drop in wellbeing since the previous check-in, or a request to be called."""
    settings = get_settings()
    reasons = []
    if care_burden >= settings.checkin_alert_burden:
        reasons.append(AlertReason.high_care_burden)
    if previous_wellbeing is not None and previous_wellbeing - wellbeing >= settings.checkin_alert_drop:
        reasons.append(AlertReason.wellbeing_drop)
    if CheckinNeed.call_me.value in needs:
        reasons.append(AlertReason.asked_for_call)
    return reasons

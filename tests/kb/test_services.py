from kb.normalise import stem
from kb.services import services_named


def test_the_names_before_service_are_the_services_named():
    text = "The Qlik Sense Repository Service and the Licenses service stopped; services restarted"
    assert services_named(text) == {stem("repository"), stem("license")}


def test_a_service_without_a_name_names_none():
    assert services_named("the service will not start") == frozenset()
    assert services_named("Service Dispatcher") == frozenset()
    assert services_named("no service here: a server") == frozenset()
    assert services_named("moved to the latest service release, then the service pack") == frozenset()

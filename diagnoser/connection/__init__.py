"""The connection check (`net.license-server`): can this machine reach the license service over HTTPS?

Stdlib only (socket, ssl, select). Runs only when a user asks for it; tests aim it at loopback servers only.
"""

from diagnoser.connection.deadline_io import ConnectionCheckCancelled
from diagnoser.connection.finding import ARTICLE, CHECK_ID, connection_finding
from diagnoser.connection.probe import check_connection
from diagnoser.connection.result import CAUSES, ConnectionResult
from diagnoser.connection.target import DEFAULT_URL, ConnectionCheckUsageError

__all__ = [
    "ARTICLE",
    "CAUSES",
    "CHECK_ID",
    "DEFAULT_URL",
    "ConnectionCheckCancelled",
    "ConnectionCheckUsageError",
    "ConnectionResult",
    "check_connection",
    "connection_finding",
]

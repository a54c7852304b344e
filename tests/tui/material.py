"""License material for the TUI tests. Every serial, control number, checksum and signature is made up."""

LEF_SERIAL = "9999000000001253"
LEF_CONTROL = "48213"
TOKEN_LEF = f"""Acme Corporation
{LEF_SERIAL}
{LEF_CONTROL}
OVERAGE;NO;;
PRODUCTLEVEL;50;;2020-12-31
TOKENS;3000;;
"""

REPLICATE_SERIAL = "60012345"
REPLICATE_CHECKSUM = "9f8e7d6c5b4a0011"
REPLICATE_LICENSE = f"""license_type=permanent
licensed_to=Acme Corporation
serial_no={REPLICATE_SERIAL}
expiration_date=2099-12-31
hosts=
source_types=Oracle,Microsoft SQL Server
target_types=Snowflake
version=2023.11
issue_date=2023-11-02
checksum={REPLICATE_CHECKSUM}
"""

# A Signed License Key as copied out of a PDF: spaces inside. The signature part must never be exported.
KEY_HEADER = "eyJhbGciOiJSUzUxMiIsInR5cCI6IkpXVCIsImtpZCI6ImEzMzdhZDE3In0"
KEY_PAYLOAD = "eyJqdGkiOiI2MjNhYTlhZi05NTBmIiwibGljZW5zZSI6Ijk5OTkwMDAwMDAwMDEyNTMifQ"
KEY_SIGNATURE = "Zm9vYmFyYmF6cXV4" * 22  # 352 characters: about 264 bytes, too short for RSA-2048
SIGNATURE_SAMPLE = KEY_SIGNATURE[40:80]
KEY_FROM_PDF = (
    f"{KEY_HEADER}.{KEY_PAYLOAD[:30]} {KEY_PAYLOAD[30:]}.{KEY_SIGNATURE[:100]} {KEY_SIGNATURE[100:]}"
)
CLEAN_KEY = f"{KEY_HEADER}.{KEY_PAYLOAD}.{KEY_SIGNATURE}"

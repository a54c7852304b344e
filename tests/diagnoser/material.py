"""Realistic license material for the diagnoser tests (serials and keys here are made up)."""

SEED_TOKEN_LEF = """00000000000000
OVERAGE;NO;;
PRODUCTLEVEL;50;;2020-12-31
SPECIAL_EDITION;TEST;;
TEST_EDITION;YES;;
TOKENS;3000;;
"""

SENSE_USER_LEF = """Acme Corporation
9999000000001253
1234
PRODUCTLEVEL;50;;2099-12-31
PROFESSIONAL;25;;
ANALYZER;200;;
ANALYZER_TIME;1000;;
ANALYZER_TIME_UNIT;6;;
OVERAGE;YES;;
TIMELIMIT;;;2099-06-30
"""

QLIKVIEW_SERVER_LEF = "9999000000004711\r\n8888\r\n\r\nPRODUCTLEVEL;10;;2018-04-30\r\n  NAMED_CALS;50;;  \r\nTIMELIMIT;;;2018-04-30\r\n"

GEO_LEF_WITHOUT_SERVER = "9999000000009090\n1111\nPRODUCTLEVEL;90;;2099-12-31\nGEO_USERS;10;;\n"
GEO_LEF_WITH_SERVER = GEO_LEF_WITHOUT_SERVER + "GEO_SERVER;YES;;\n"

REPLICATE_LICENSE = """\ufefflicense_type=permanent\r
licensed_to=Acme Corporation\r
licensed_by=Qlik EMEA\r
serial_no=60012345\r
expiration_date=2099-12-31\r
hosts=\r
source_types=Oracle,Microsoft SQL Server\r
target_types=Snowflake\r
features=log_stream=yes;cdc=yes\r
version=2023.11\r
issue_date=2023-11-02\r
checksum=9f8e7d6c5b4a==\r
"""

COMPOSE_LICENSE = """license_type=permanent
licensed_to=Acme Corporation
serial_no=70054321
expiration_date=2099-12-31
host_role=PROD
dwh_type=Snowflake
dl_type=
number_of_dms=20
managed_dwh_size=2TB
checksum=AbCdEf123=
"""

# The seed's example key, broken by spaces as when copied out of a PDF (and 247-byte signature).
SEED_KEY_FROM_PDF = (
    "eyJhbGciOiJSUzUxMiIsInR5cCI6IkpXVCIsImtpZCI6ImEzMzdhZDE3LTk1ODctNGNhOS05M2I3LTBi MmI5ZTNlOWI0OCJ9."
    "eyJqdGkiOiI2MjNhYTlhZi05NTBmLTQ3ZjctOGJmMC1mNGQzOWY0MmQ5N mMiLCJsaWNlbnNlIjoiOTk5OTAwMDAwMDAwMTI1MyJ9."
    "YJqTct2ngqLfl2VP3jxW4RsDNK2MTL-BpJ WnBdIfF5gGbJcX0hc__tfIa2ab5ZrL9h6tsZxTwgucTFiRTAOz8PaOQP7JTnhPCyrBZwpnmhvCrSHx2"
    " C-HbCARFUIueBzMg8fgvWH-3HxBuxx6jnDhekDTUbb12vBq7CySampJkgMT7QsDdUkeJy5E7O0U 8yhd1RtEDeuTbeX35eIdQUN4DyJWHHPiT9qZt1"
    "AV0_Ofe1iLKxYZMa5jC0kIsVwYnRCJzibZlrLE7mS VlNitxmcm8OoUrR_ZIk8VuOkoz_qqy8N_wwrt7FcT2slWz50XzuL8TIWY9mcGIL"
)

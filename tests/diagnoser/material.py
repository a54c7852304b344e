"""Realistic license material for the diagnoser tests. Serial numbers, control numbers and keys are made up.

Dates: the tests run with TODAY = 2026-11-28; "healthy" material has dates after it, broken material before.
"""

from datetime import date

TODAY = date(2026, 11, 28)

# The seed's token license, as printed in the article.
SEED_TOKEN_LEF = """00000000000000
OVERAGE;NO;;
PRODUCTLEVEL;50;;2020-12-31
SPECIAL_EDITION;TEST;;
TEST_EDITION;YES;;
TOKENS;3000;;
"""

# The same token license with a current PRODUCTLEVEL date: only the token-only error remains.
TOKEN_LEF = SEED_TOKEN_LEF.replace("2020-12-31", "2027-12-31")

# Qlik Sense Enterprise, user-based (Professional / Analyzer), activated with license + control number.
SENSE_USER_LEF = """Qlik Sense Enterprise
9999000000001253
Acme Corporation
PRODUCTLEVEL;50;;2027-06-30
PROFESSIONAL;25;;
ANALYZER;200;;
OVERAGE;NO;;
TIMELIMIT;;;2027-06-30
"""

# Qlik Sense with Analyzer Capacity (both tags, as the seed shows them).
SENSE_CAPACITY_LEF = """9999000000001254
Acme Corporation
PRODUCTLEVEL;50;;2027-06-30
PROFESSIONAL;10;;
ANALYZER;50;;
ANALYZER_TIME;1000;;
ANALYZER_TIME_UNIT;6;;
OVERAGE;YES;;
"""

# QlikView Server with CALs, PRODUCTLEVEL 10, header with the license number in groups of four.
QLIKVIEW_SERVER_LEF = """9999 0000 0000 4711
Acme Corporation
Acme Corporation
NUMBER_OF_CORES;4;;
NUMBER_OF_NAMED_CALS;25;;
NUMBER_OF_DOCUMENT_CALS;10;;
NUMBER_OF_SESSION_CALS;5;;
PRODUCTLEVEL;10;;2027-12-31
TIMELIMIT;;;
"""

# The seed's expired QlikView example: PRODUCTLEVEL and TIMELIMIT in 2018 (CRLF, a blank line, stray spaces).
QLIKVIEW_EXPIRED_LEF = (
    "9999000000004711\r\n12345\r\n\r\nPRODUCTLEVEL;10;;2018-04-30\r\n  NUMBER_OF_NAMED_CALS;50;;  \r\n"
    "TIMELIMIT;;;2018-04-30\r\n"
)

GEO_LEF = """9999000000009090
Acme Corporation
PRODUCTLEVEL;90;;2027-12-31
GEO_SERVER;YES;;
GEO_USERS;10;;
"""
GEO_LEF_WITHOUT_SERVER = GEO_LEF.replace("GEO_SERVER;YES;;\n", "")

NPRINTING_LEF = """9999000000006060
Acme Corporation
PRODUCTLEVEL;60;;2027-12-31
NPRINTING_DESIGNER;2;;
TIMELIMIT;;;2027-12-31
"""

REPLICATE_LICENSE = """\ufeff# Qlik Replicate license\r
license_type=permanent\r
licensed_to=Acme Corporation\r
licensed_by=Qlik EMEA\r
serial_no=60012345\r
expiration_date=2027-12-31\r
hosts=\r
source_types=Oracle,Microsoft SQL Server,IBM DB2 for z/OS\r
target_types=Snowflake on AWS,Kafka\r
features=log_stream=yes;file_channel=yes\r
version=2023.11\r
issue_date=2023-11-02\r
checksum=9f8e7d6c5b4a3f2e1d0c==\r
"""

REPLICATE_EVALUATION_EXPIRED = """license_type=evaluation
licensed_to=Acme Corporation
licensed_by=Qlik Americas
serial_no=60099999
expiration_date=2024-01-31
hosts=repsrv1.acme.local,repsrv2.acme.local
source_types=Oracle
target_types=Microsoft SQL Server
features=
version=2023.5
issue_date=2023-12-01
checksum=AbCdEf0123456789==
"""

COMPOSE_LICENSE = """license_type=permanent
licensed_to=Acme Corporation
licensed_by=Qlik Americas
serial_no=70054321
expiration_date=2027-03-31
hosts=
host_role=PROD
source_db_types=
dwh_type=Snowflake
dl_type=
number_of_dms=20
number_of_developers=
managed_dwh_size=2TB
version=2023.5
issue_date=2023-05-12
checksum=AbCdEf123=
"""

# Compose fields written the way the seed's article prints them ("key: value").
COMPOSE_LICENSE_PROSE = """license_type=permanent
licensed_to=Acme Corporation
serial_no=70054322
expiration_date=2027-03-31
host_role: DEV
dwh_type: Microsoft Azure Synapse Analytics
number_of_dms: 5
number_of_developers: 3
checksum=ZmFrZQ==
"""

# The seed's example key, broken by spaces as when copied out of a PDF; its signature is 247 bytes.
SEED_KEY_FROM_PDF = (
    "eyJhbGciOiJSUzUxMiIsInR5cCI6IkpXVCIsImtpZCI6ImEzMzdhZDE3LTk1ODctNGNhOS05M2I3LTBi MmI5ZTNlOWI0OCJ9."
    "eyJqdGkiOiI2MjNhYTlhZi05NTBmLTQ3ZjctOGJmMC1mNGQzOWY0MmQ5N mMiLCJsaWNlbnNlIjoiOTk5OTAwMDAwMDAwMTI1MyJ9."
    "YJqTct2ngqLfl2VP3jxW4RsDNK2MTL-BpJ WnBdIfF5gGbJcX0hc__tfIa2ab5ZrL9h6tsZxTwgucTFiRTAOz8PaOQP7JTnhPCyrBZwpnmhvCrSHx2"
    " C-HbCARFUIueBzMg8fgvWH-3HxBuxx6jnDhekDTUbb12vBq7CySampJkgMT7QsDdUkeJy5E7O0U 8yhd1RtEDeuTbeX35eIdQUN4DyJWHHPiT9qZt1"
    "AV0_Ofe1iLKxYZMa5jC0kIsVwYnRCJzibZlrLE7mS VlNitxmcm8OoUrR_ZIk8VuOkoz_qqy8N_wwrt7FcT2slWz50XzuL8TIWY9mcGIL"
)
SEED_KEY_LICENSE = "9999000000001253"

LICENSE_SERVER_LOG = (
    "2024-03-05 10:12:01.123 ERROR QlikServer1 System.Repository.Repository.Core.Licensing.LicenseServer."
    "LicenseServerFacade 29 58250808-d4f0-40d8-ba4c-73290bc63979 DOMAIN\\qvservice There was an error when "
    "getting license information from the license service. LicenseDefinition: "
    '{"error":"LICENSES-InternalServerError","message":"Post \\"https://license.qlikcloud.com/v1/definitions/'
    'signed\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)","errors":[{"code":'
    '"LICENSES-030","title":"Post \\"https://license.qlikcloud.com/v1/definitions/signed\\": context deadline '
    'exceeded"}]}, LicenseOverview: The remote server returned an error: (500) Internal Server Error.\n'
    "2024-03-05 10:12:01.130 INFO QlikServer1 Licensing retry scheduled\n"
)

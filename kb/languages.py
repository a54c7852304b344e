"""Licensing talk in other languages than English, in the articles' English words.

Qlik is run by admins all over the world, and they write the way they talk: "Lizenz in der QMC lässt sich
nicht anwenden", "licencia SLK ... la fecha es demasiado baja", often around an English error. The
articles are English. The core words of licensing (license, capacity, minutes, users, buy, assigned,
key, expired ...) are read as their English terms, and the little words of those languages (der, la, que,
het) as stop words, so that a paste in another language is about what its words say and not diluted by
words the articles never use. Only words that mean one thing in licensing talk; keys are lower case
with accents removed (kb.normalise folds them: "Kapazität" is "kapazitat"), values the English words.
German, French, Spanish, Portuguese, Italian, Dutch, Polish and Swedish are read word by word; Japanese
and Chinese, which write their words together, by the licensing words found inside the text.
"""

from __future__ import annotations

import re

_ENGLISH_WORDS: dict[str, tuple[str, ...]] = {
    "license": (
        "lizenz lizenzen licencia licencias licenca licencas licenza licenze licentie licenties "
        "licencie licencies"
        " licencje licencji licencja licencjonowanie lizenzierung"
        " licensen licenser licenserna licenciar licenciamiento licenciada licenciado"
    ),
    "license key": "lizenzschlussel licenseschlussel lizenzkey licensnyckel licensnyckeln",
    "capacity": "kapazitat kapazitaten capacite capacites capacidad capacidade capacita capaciteit",
    "minutes": "minuten minutos minuti",
    "users": (
        "benutzer nutzer anwender utilisateur utilisateurs usuario usuarios utilizador utilizadores "
        "utente utenti gebruiker gebruikers"
        " uzytkownik uzytkownicy uzytkownikow usuarios utilizadores"
        " anvandare anvandaren anvandarna utenti"
    ),
    "username": "benutzername gebruikersnaam anvandarnamn",
    "password": "passwort kennwort contrasena senha wachtwoord",
    "buy": (
        "kaufen gekauft kauf erwerben erworben acheter achete achetee achetes achetees achat comprar "
        "compra comprado comprada compramos compro kopen gekocht aankoop acquistare acquistato acquisto"
        " achetons acheter kaufe comprei compramos compraram kupic kupilismy kupione zakup zakupu"
        " kopa kopt kopte kopet"
    ),
    "customers": "kunde kunden cliente clientes klant klanten kunder kunderna clienti klient klienta klientem",
    "assigned": (
        "zugewiesen zugeordnet attribue attribuee attribues attribuees asignado asignada asignados "
        "asignadas atribuido atribuida atribuidos assegnato assegnata assegnati toegewezen"
        " atribuidas przypisane przypisany"
        " tilldelad tilldelade tilldelas tilldelat"
    ),
    "assignment": (
        "zuweisung zuweisungen zuordnung asignacion asignaciones atribuicao assegnazione toewijzing "
        "tilldelning tilldelningar assegnazioni atribuicoes przypisania"
    ),
    "license assignment": (
        "licenstilldelning licenstilldelningar licenstilldelningen licenstilldelningarna lizenzzuweisung "
        "lizenzzuweisungen"
    ),
    "double": "doppelt doppelte doppelten doppelter doble dobles duplo dupla dubbel doppio",
    "error": (
        "fehler fehlermeldung erreur erreurs erro erros errore errori fout foutmelding blad bledu fel "
        "felet felmeddelande felmeddelandet"
    ),
    "date": "datum fecha",
    "low": "niedrig niedriger baja bajo basse baixa baixo bassa basso laag",
    "too": "demasiado trop troppo",
    "field": "feld campo champ veld falt faltet",
    "key": "schlussel cle clave chave chiave sleutel klucz klucza nyckel nyckeln",
    "connection": (
        "verbindung connexion conexion conexao connessione verbinding polaczenie polaczenia anslutning"
    ),
    "server": "serveur servidor servidores",
    "service": "dienst dienste servicio servicios servico servizio usluga uslugi tjanst tjansten",
    "expired": (
        "abgelaufen expiree expires caducada caducado vencida vencido expirada expirado "
        "scaduta scaduto verlopen"
        " wygasla wygasl"
        " utgangen utgatt"
    ),
    "console": "konsole consola",
    "permission": "berechtigung berechtigungen permiso permisos permissao permissoes permesso permessi",
    "login": "anmelden anmeldung angemeldet",
    "missing": (
        "fehlt fehlen fehlend fehlende manquant manquante manquants manque falta faltan ontbreekt brakuje "
        "saknas"
    ),
    "invalid": "ungultig ungultige ungultiger invalide invalido invalida ongeldig ongeldige",
    "add": "hinzufugen ajouter agregar anadir adicionar aggiungere toevoegen lagga",
    "line": "zeile zeilen ligne lignes linea lineas linha linhas rader",
    "line break": "zeilenumbruch zeilenumbruche saltos",
    "not": "nicht pas niet nao nie inte",
    "no": (
        "kein keine keinen keiner aucun aucune ningun ninguna nenhum nenhuma geen nessun nessuna brak "
        "ingen inga inget"
    ),
    "new": "neu neue neuen nouveau nouvelle nuevo nueva novo nova nuovo nieuw nieuwe nya nowy nowa nowe nowym",
    "upgraded": "aktualisiert actualise actualizado atualizado aggiornato bijgewerkt",
    "apply": "anwenden aplicar appliquer applicare toepassen",
    "activate": "aktivieren activer activar ativar attivare activeren aktivera",
    "sync": (
        "synchronisieren synchroniser sincronizar sincronizzare synchroniseren sincronizzate sincronizzati "
        "sincronizzata sincronizzato sincronizados sincronizadas sincronizado sincronizada synchronisiert "
        "synchronisees synchronises synkroniseras synkroniserade synchronizowane synchronizacja"
    ),
    "certificate": "zertifikat certificat certificado certificato certificaat certifikat",
    "cli": "kommandozeile befehlszeile eingabeaufforderung opdrachtregel",
    "license service": "lizenzdienst lizenzdienstes lizenzservice",
    "partner": (
        "partenaire partenaires revendeur revendeurs wiederverkaufer distribuidor revendedor "
        "rivenditore wederverkoper partnern partnera partnerem"
    ),
    "subscription": (
        "abonnement abonnements suscripcion assinatura abbonamento subskrypcja subskrypcji prenumeration "
        "abonnemang sottoscrizione subskrypcje"
    ),
    "lost": (
        "verloren perdu perdus perdue perdues perdido perdidos perdida perderam perso persi utracili "
        "forlorade forlorat tappat tappade tappa"
    ),
    "copied": "kopiert copie copiee copiado copiada copiato gekopieerd skopiowany skopiowalem",
    "received": "erhalten recu recue recibido recebido ricevuto ontvangen otrzymany recibio recebeu recebemos",
    "start": "startet starten demarre demarrer inicia iniciar arranca avvia uruchamia startar",
    "shows": "sichtbar visivel visibile zichtbaar widoczne widoczny",
    "professional": "professionnel profesional profissional professionale profesjonalny profesjonalne",
    "add-on": "zusatz dodatek dodatkiem complemento",
    "activation": "aktivierung ativacao activacion attivazione aktywacja aktivering",
    "method": "methode metodo metoda",
    "difference": "unterschied diferencia diferenca differenza verschil roznica",
    "cryptographic": "kryptografie kryptografischer cryptographique criptografico",
    "keyset": "schlusselsatz",
    "table": "tabelle tabela tabla",
    "contract": "vertrag vertrages contrat contrato contratto avtal avtalet umowa umowy",
    "authentication": (
        "autentisering autentifizierung authentifizierung autenticacion autenticacao autenticazione "
        "authenticatie uwierzytelnianie"
    ),
    "authenticate": "autentisera autentiserar authentifizieren autenticar autenticare",
    "basic": "basica basico basique",
    "cloud": "molnet moln nube nuvem nuvola chmura chmurze",
    "seats": "platser",
    "disappeared": (
        "forsvann forsvunnit verschwunden disparu disparus disparues desaparecido desaparecidos "
        "desaparecieron desapareceram scomparso scomparsi spariti verdwenen zniknely"
    ),
    "dynamic": "dynamisk dynamische dynamischen dynamique dinamica dinamico dinamiche dynamisch dynamiczna",
    "allocation": "allokering allokierung allocazione alokacja",
    "file": "datei dateien fichier fichiers archivo archivos arquivo arquivos",
    "information": "informacion informacao informazioni informationen",
    "valid": "valida valido gultig gultige gultigen geldig geldige giltig",
    "acquire": "obtener obter obtenir ottenere",
    "management": "administracion administracao amministrazione gestion",
    "supported": "unterstutzt unterstutzten supportato ondersteund stods",
    "blocked": "gesperrt blockiert bloque bloquee bloqueado bloqueada bloccato geblokkeerd blockerad",
    "block": "blockera blockieren bloquear bloquer bloccare blokkeren",
    "allows": "tillater erlaubt permite autorise consente",
    "ui": "oberflache interfaz",
    "serial": "seriennummer serienummer",
    "import": "importera importieren importar importare importeren einspielen",
    "signed": (
        "signee signees signe signes signiert signierte signierter signierten firmada firmado assinada "
        "assinado firmata firmato ondertekend ondertekende podpisany podpisana podpisanego signerad signerade"
    ),
    "email": "correo courriel",
    "directly": "directement directamente direttamente rechtstreeks bezposrednio direkt",
    "order": "commander commande pedido pedir bestellen bestellung bestellt ordinare zamowic zamowienie bestalla",
    "company": "empresa entreprise unternehmen firma azienda bedrijf foretag",
    "support": "soporte suporte supporto ondersteuning wsparcie",
    "buy more": "dokupic nachkaufen",
    "changes": (
        "modifica modifiche modification modifications modificacion modificaciones modificacao alteracao "
        "alteracoes anderung anderungen andring andringar zmiana zmiany"
    ),
    "data": "dados datos dati donnees daten dane",
    "sends": "envia envoie invia sendet skickar wysyla",
    "security": "seguranca seguridad sicurezza securite sicherheit sakerhet bezpieczenstwo",
    "port": "porta puerto",
    "consumption": "consumo consommation verbrauch forbrukning zuzycie",
    "enabled": (
        "ativada ativado activada activado attivata attivato activee aktiviert aktivierte aktiverad "
        "wlaczone wlaczona ingeschakeld"
    ),
    "contact": "kontakta kontaktieren contacter contactar contattare kontaktowac",
}

FOREIGN_WORDS: dict[str, tuple[str, ...]] = {
    # kb.phrases spells every "licenc" as "licens" before words are read: "licencia" arrives as "licensia".
    word.replace("licenc", "licens"): tuple(english.split())
    for english, words in _ENGLISH_WORDS.items()
    for word in words.split()
}

FOREIGN_STOP_WORDS = frozenset(
    """
    der die das den dem des ein eine einen einem einer und oder ist sind war waren wir ihr sie es ich du er
    mit von zu im auf fur aus bei aber wie was wo wann warum noch schon auch nur dann dass ob hallo zusammen
    danke bitte gruss grusse mfg leider jetzt immer habe haben hat wird werden kann konnen
    bekommen bekommt kommt kommen dazu vorab gibt geht sehr mehr hier dort heute gestern nach
    de o le la les un une du et ou est sont avec pour dans sur par ne nous vous ils elle il je on qui que qu quoi
    ce cette ces mon ma mes notre nos votre vos leur leurs au aux bonjour merci salut cordialement mais donc
    car tres tout tous encore deja avons ont j ai l depuis alors dit n s d c plus voulons voulez devons devez
    maintenant passer
    ogni quanto vengono mette arrivare quais quando usamos quer saber diz igen ska ber alla sina jestesmy
    el los las una unos unas del al y es son esta estan con para por sobre como cuando donde pero mas muy
    ya todavia tambien hola gracias saludos nosotros somos mi mis su sus nuestro nuestra se lo le hay
    tenemos tiene podemos puede pueden persona
    um uma da dos das na nas com ou mas ja ainda ola obrigado temos
    het een en zijn voor van te wij jullie ik bedankt groeten maar ook nog
    il lo gli della delle nel nella sono ciao grazie
    pelo pela pelos pelas nosso nossa nossos nossas voces
    w z ze na do sa jest czy jak co sie ta nasz nasze nasi dzien dobry dziekuje od chcemy gdzie wiecej
    och att det som ett ar for pa med till av vi har kan vill hur vad nar varfor hej tack mot eller om men
    ocksa fran var vara vart nu sa jag fler mellan sina sin sitt
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


# Japanese and Chinese licensing words, found inside the text (no spaces part their words) and read as the
# English ones; the longest first: 署名付きライセンスキー is a signed license key, not a key.
_RUN_TOGETHER_WORDS: dict[str, str] = {
    # Japanese
    "署名付きライセンスキー": "signed license key",
    "ライセンスキー": "license key",
    "ライセンスサービス": "license service",
    "ライセンス": "license",
    "割り当て": "assignment",
    "割当": "assignment",
    "消え": "disappeared",
    "購入": "buy",
    "サブスクリプション": "subscription",
    "同期": "sync",
    "変更": "changes",
    "反映": "shows",
    "時間": "hours",
    "ユーザー名": "username",
    "ユーザー": "users",
    "エラー": "error",
    "サーバー": "server",
    "接続": "connection",
    "プロキシ": "proxy",
    "ファイアウォール": "firewall",
    "ポート": "port",
    "期限切れ": "expired",
    "有効期限": "expiration date",
    "基本認証": "basic authentication",
    "認証": "authentication",
    "証明書": "certificate",
    "サービス": "service",
    "起動": "start",
    "連絡": "contact",
    "再適用": "apply again",
    "適用": "apply",
    "送信": "send",
    "データ": "data",
    "情報": "information",
    "無効": "invalid",
    "追加": "add",
    "アナライザー": "analyzer",
    "プロフェッショナル": "professional",
    "キャパシティ": "capacity",
    "容量": "capacity",
    "ファイル": "file",
    "コマンドライン": "command line",
    "パートナー": "partner",
    "販売代理店": "partner",
    "パスワード": "password",
    "キーセット": "keyset",
    "存在しません": "does not exist",
    "デスクトップ": "desktop",
    "クラウド": "cloud",
    "テナント": "tenant",
    "二重": "double",
    "動的": "dynamic",
    "シリアル番号": "serial number",
    "コントロール番号": "control number",
    "失われ": "lost",
    # Chinese (simplified)
    "许可证": "license",
    "许可": "license",
    "授权": "license",
    "密钥": "key",
    "购买": "buy",
    "订阅": "subscription",
    "用户名": "username",
    "用户": "users",
    "错误": "error",
    "服务器": "server",
    "服务": "service",
    "分配": "assignment",
    "丢失": "lost",
    "过期": "expired",
    "连接": "connection",
    "代理": "proxy",
    "防火墙": "firewall",
    "端口": "port",
    "证书": "certificate",
    "激活": "activate",
    "信息": "information",
}
_RUN_TOGETHER = re.compile("|".join(map(re.escape, sorted(_RUN_TOGETHER_WORDS, key=len, reverse=True))))
_RUN_TOGETHER_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def in_english(text: str) -> str:
    """Text with the Japanese and Chinese licensing words in it as English words."""
    if not _RUN_TOGETHER_SCRIPT.search(text):
        return text
    return _RUN_TOGETHER.sub(lambda match: f" {_RUN_TOGETHER_WORDS[match.group()]} ", text)

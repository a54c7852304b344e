"""Licensing talk in German, French, Spanish, Portuguese, Italian and Dutch, in the articles' English words.

Qlik is run by admins all over the world, and they write the way they talk: "Lizenz in der QMC lässt sich
nicht anwenden", "licencia SLK ... la fecha es demasiado baja", often around an English error. The
articles are English. The core words of licensing (license, capacity, minutes, users, buy, assigned,
key, expired ...) are read as their English terms, and the little words of those languages (der, la, que,
het) as stop words, so that a paste in another language is about what its words say and not diluted by
words the articles never use. Only words that mean one thing in licensing talk; keys are lower case
with accents removed (kb.normalise folds them: "Kapazität" is "kapazitat"), values the English words.
"""

from __future__ import annotations

_ENGLISH_WORDS: dict[str, tuple[str, ...]] = {
    "license": (
        "lizenz lizenzen licencia licencias licenca licencas licenza licenze licentie licenties "
        "licencie licencies"
        " licencje licencji licencja licencjonowanie lizenzierung"
    ),
    "license key": "lizenzschlussel licenseschlussel lizenzkey",
    "capacity": "kapazitat kapazitaten capacite capacites capacidad capacidade capacita capaciteit",
    "minutes": "minuten minutos minuti",
    "users": (
        "benutzer nutzer anwender utilisateur utilisateurs usuario usuarios utilizador utilizadores "
        "utente utenti gebruiker gebruikers"
        " uzytkownik uzytkownicy uzytkownikow usuarios utilizadores"
    ),
    "username": "benutzername gebruikersnaam",
    "password": "passwort kennwort contrasena senha wachtwoord",
    "buy": (
        "kaufen gekauft kauf erwerben erworben acheter achete achetee achetes achetees achat comprar "
        "compra comprado comprada compramos compro kopen gekocht aankoop acquistare acquistato acquisto"
        " achetons acheter kaufe comprei compramos compraram kupic kupilismy kupione zakup zakupu"
    ),
    "customers": "kunde kunden cliente clientes klant klanten",
    "assigned": (
        "zugewiesen zugeordnet attribue attribuee attribues attribuees asignado asignada asignados "
        "asignadas atribuido atribuida atribuidos assegnato assegnata assegnati toegewezen"
        " atribuidas przypisane przypisany"
    ),
    "assignment": "zuweisung zuweisungen zuordnung asignacion asignaciones atribuicao assegnazione toewijzing",
    "double": "doppelt doppelte doppelten doppelter doble dobles duplo dupla dubbel doppio",
    "error": "fehler fehlermeldung erreur erreurs erro erros errore errori fout foutmelding blad bledu",
    "date": "datum fecha",
    "low": "niedrig niedriger baja bajo basse baixa baixo bassa basso laag",
    "too": "demasiado trop troppo",
    "field": "feld campo champ veld",
    "key": "schlussel cle clave chave chiave sleutel klucz klucza",
    "connection": "verbindung connexion conexion conexao connessione verbinding polaczenie polaczenia",
    "server": "serveur servidor servidores",
    "service": "dienst dienste servicio servicios servico servizio usluga uslugi",
    "expired": (
        "abgelaufen expiree expires caducada caducado vencida vencido expirada expirado "
        "scaduta scaduto verlopen"
        " wygasla wygasl"
    ),
    "console": "konsole consola",
    "permission": "berechtigung berechtigungen permiso permisos permissao permissoes permesso permessi",
    "login": "anmelden anmeldung angemeldet",
    "missing": "fehlt fehlen fehlend fehlende manquant manquante manquants manque falta faltan ontbreekt brakuje",
    "invalid": "ungultig ungultige ungultiger invalide invalido invalida ongeldig ongeldige",
    "add": "hinzufugen ajouter agregar anadir adicionar aggiungere toevoegen",
    "line": "zeile zeilen ligne lignes linea lineas linha linhas",
    "line break": "zeilenumbruch zeilenumbruche saltos",
    "not": "nicht pas niet nao nie",
    "no": "kein keine keinen keiner aucun aucune ningun ninguna nenhum nenhuma geen nessun nessuna brak",
    "new": "neu neue neuen nouveau nouvelle nuevo nueva novo nova nuovo nieuw nieuwe",
    "upgraded": "aktualisiert actualise actualizado atualizado aggiornato bijgewerkt",
    "apply": "anwenden aplicar appliquer applicare toepassen",
    "activate": "aktivieren activer activar ativar attivare activeren",
    "sync": "synchronisieren synchroniser sincronizar sincronizzare synchroniseren",
    "certificate": "zertifikat certificat certificado certificato certificaat",
    "cli": "kommandozeile befehlszeile eingabeaufforderung opdrachtregel",
    "license service": "lizenzdienst lizenzdienstes lizenzservice",
    "partner": (
        "partenaire partenaires revendeur revendeurs wiederverkaufer distribuidor revendedor "
        "rivenditore wederverkoper"
    ),
    "subscription": "abonnement abonnements suscripcion assinatura abbonamento subskrypcja subskrypcji",
    "lost": "verloren perdu perdus perdue perdues perdido perdidos perdida perderam perso persi utracili",
    "copied": "kopiert copie copiee copiado copiada copiato gekopieerd skopiowany skopiowalem",
    "received": "erhalten recu recue recibido recebido ricevuto ontvangen otrzymany",
    "start": "startet starten demarre demarrer inicia iniciar arranca avvia uruchamia",
    "shows": "sichtbar visivel visibile zichtbaar widoczne widoczny",
    "professional": "professionnel profesional profissional professionale profesjonalny profesjonalne",
    "add-on": "zusatz dodatek dodatkiem complemento",
    "activation": "aktivierung ativacao activacion attivazione aktywacja",
    "method": "methode metodo metoda",
    "difference": "unterschied diferencia diferenca differenza verschil roznica",
    "cryptographic": "kryptografie kryptografischer cryptographique criptografico",
    "keyset": "schlusselsatz",
    "table": "tabelle tabela tabla",
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
    car tres tout tous encore deja avons ont j ai l depuis alors dit
    el los las una unos unas del al y es son esta estan con para por sobre como cuando donde pero mas muy
    ya todavia tambien hola gracias saludos nosotros somos mi mis su sus nuestro nuestra se lo le hay
    tenemos tiene
    um uma da dos das na nas com ou mas ja ainda ola obrigado temos
    het een en zijn voor van te wij jullie ik bedankt groeten maar ook nog
    il lo gli della delle nel nella sono ciao grazie
    pelo pela pelos pelas nosso nossa nossos nossas voces
    w z ze na do sa jest czy jak co sie ta nasz nasze nasi dzien dobry dziekuje
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

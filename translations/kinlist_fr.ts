<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AvatarRow</name>
    <message>
        <source>Changes now count as %1&apos;s</source>
        <translation>Les modifications sont maintenant attribuées à %1</translation>
    </message>
    <message>
        <source>Who is this? Tap your face.</source>
        <translation>Qui es-tu&#xa0;? Touche ton visage.</translation>
    </message>
    <message>
        <source>%1, chosen</source>
        <translation>%1, sélection actuelle</translation>
    </message>
</context>
<context>
    <name>ChangedByLabel</name>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>à %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>le %1</translation>
    </message>
    <message>
        <source>added by %1, %2</source>
        <extracomment>Who added an item and when: &quot;added by Mum, 5 min ago&quot;.</extracomment>
        <translation>ajouté par %1, %2</translation>
    </message>
    <message>
        <source>changed by %1, %2</source>
        <extracomment>Who changed an item last and when: &quot;changed by Mum, 5 min ago&quot;.</extracomment>
        <translation>modifié par %1, %2</translation>
    </message>
</context>
<context>
    <name>CleaningOverlay</name>
    <message>
        <source>Cleaning – the screen ignores touches</source>
        <translation>Nettoyage – l&apos;écran ne réagit plus au toucher</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>%n seconde restante</numerusform>
            <numerusform>%n secondes restantes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>No date, or e.g. %1</source>
        <translation>Pas de date, ou p. ex. %1</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Choisir une date</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Mois précédent</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mois suivant</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Pas de date</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>Hello %1!</source>
        <translation>Bonjour %1&#xa0;!</translation>
    </message>
    <message>
        <source>Start a household for your family, or join one with the invite code someone gave you.</source>
        <translation>Crée un foyer pour ta famille, ou rejoins-en un avec le code d&apos;invitation qu&apos;on t&apos;a donné.</translation>
    </message>
    <message>
        <source>Start a household</source>
        <translation>Créer un foyer</translation>
    </message>
    <message>
        <source>e.g. The Smiths</source>
        <translation>p. ex. Les Martin</translation>
    </message>
    <message>
        <source>Household name</source>
        <translation>Nom du foyer</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Join with an invite code</source>
        <translation>Rejoindre avec un code d&apos;invitation</translation>
    </message>
    <message>
        <source>ABCD-EFGH</source>
        <translation>ABCD-EFGH</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Code d&apos;invitation</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Drag to move %1 (or Alt+Up and Alt+Down)</source>
        <translation>Fais glisser pour déplacer %1 (ou Alt+Haut et Alt+Bas)</translation>
    </message>
    <message>
        <source>Mark %1 as not done</source>
        <translation>Décocher %1</translation>
    </message>
    <message>
        <source>Mark %1 as done</source>
        <translation>Cocher %1</translation>
    </message>
    <message>
        <source>Item title</source>
        <translation>Nom de l&apos;article</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <extracomment>A task&apos;s due date on its row, e.g. &quot;due 24/11/2026&quot;.</extracomment>
        <translation>en retard depuis le %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>pour le %1</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Garder ma version</translation>
    </message>
    <message>
        <source>Keep my change to %1</source>
        <translation>Garder ma modification de %1</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>en attente d&apos;envoi</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>non enregistré</translation>
    </message>
    <message>
        <source>Saved on this computer; it goes to the others when connected.</source>
        <translation>Enregistré sur cet ordinateur&#xa0;; sera envoyé aux autres dès que la connexion reviendra.</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>Le serveur a refusé cette modification.</translation>
    </message>
    <message>
        <source>Details of %1</source>
        <translation>Détails de %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Supprimer (Suppr)</translation>
    </message>
    <message>
        <source>For %1</source>
        <translation>Pour %1</translation>
    </message>
    <message>
        <source>Reminder at the time</source>
        <translation>Rappel à l’heure</translation>
    </message>
    <message numerus="yes">
        <source>Reminder %n minute(s) before</source>
        <translation>
            <numerusform>Rappel %n minute avant</numerusform>
            <numerusform>Rappel %n minutes avant</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskItemRow</name>
    <message>
        <source>%1, done</source>
        <translation>%1, coché</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>en attente d&apos;envoi</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>non enregistré</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>en retard depuis le %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>pour le %1</translation>
    </message>
</context>
<context>
    <name>KioskPage</name>
    <message>
        <source>‹ All lists</source>
        <translation>‹ Toutes les listes</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Nettoyer</translation>
    </message>
    <message>
        <source>Cleaning mode: ignore touches for 30 seconds</source>
        <translation>Mode nettoyage&#xa0;: l&apos;écran ignore le toucher pendant 30 secondes</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Leave kiosk mode (needs the PIN)</source>
        <translation>Quitter le mode kiosque (code PIN requis)</translation>
    </message>
    <message>
        <source>No lists yet. Lists made on any family device show up here.</source>
        <translation>Aucune liste pour l&apos;instant. Les listes créées sur n&apos;importe quel appareil de la famille s&apos;affichent ici.</translation>
    </message>
    <message>
        <source>Add to %1…</source>
        <translation>Ajouter à %1…</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nouvel article</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation>Ajouter quand même</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Divers</translation>
    </message>
    <message>
        <source>Nothing on this list.</source>
        <translation>Rien sur cette liste.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Quitter le mode kiosque</translation>
    </message>
    <message>
        <source>Today for %1</source>
        <translation>Aujourd’hui pour %1</translation>
    </message>
    <message>
        <source>Tap to mark it done</source>
        <translation>Touchez pour la marquer faite</translation>
    </message>
</context>
<context>
    <name>KioskPairPage</name>
    <message>
        <source>Pair this kitchen tablet</source>
        <translation>Appairer la tablette de la cuisine</translation>
    </message>
    <message>
        <source>On a family computer, an owner opens Kinlist, Settings, and chooses &quot;Make a pairing code&quot;. Type that code here.</source>
        <translation>Sur un ordinateur de la famille, un propriétaire ouvre Kinlist, va dans Paramètres et choisit «&#xa0;Créer un code d&apos;appairage&#xa0;». Saisis ce code ici.</translation>
    </message>
    <message>
        <source>Server address, e.g. kitchen-pc:8477</source>
        <translation>Adresse du serveur, p. ex. kitchen-pc:8477</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Pairing code, e.g. K7QX-M2PD</source>
        <translation>Code d&apos;appairage, p. ex. K7QX-M2PD</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Code d&apos;appairage</translation>
    </message>
    <message>
        <source>Kitchen tablet</source>
        <translation>Tablette de la cuisine</translation>
    </message>
    <message>
        <source>A name for this tablet</source>
        <translation>Un nom pour cette tablette</translation>
    </message>
    <message>
        <source>Tablet name</source>
        <translation>Nom de la tablette</translation>
    </message>
    <message>
        <source>Exit PIN (4–8 digits)</source>
        <translation>Code PIN de sortie (4 à 8 chiffres)</translation>
    </message>
    <message>
        <source>PIN to leave kiosk mode</source>
        <translation>Code PIN pour quitter le mode kiosque</translation>
    </message>
    <message>
        <source>The PIN again</source>
        <translation>Confirme le code PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Confirmation du code PIN</translation>
    </message>
    <message>
        <source>This tablet has no keychain. Keep the pairing in a file only this user can read, so it survives a restart.</source>
        <translation>Cette tablette n&apos;a pas de trousseau. Conserver l&apos;appairage dans un fichier lisible uniquement par cet utilisateur, pour qu&apos;il résiste à un redémarrage.</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Un instant…</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Appairer</translation>
    </message>
</context>
<context>
    <name>KioskTile</name>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Shopping</source>
        <translation>Courses</translation>
    </message>
    <message>
        <source>All done</source>
        <translation>Tout est fait</translation>
    </message>
    <message numerus="yes">
        <source>%n to do</source>
        <translation>
            <numerusform>%n à faire</numerusform>
            <numerusform>%n à faire</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to get</source>
        <translation>
            <numerusform>%n à acheter</numerusform>
            <numerusform>%n à acheter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>As the system (%1)</source>
        <extracomment>The first choice of the language setting: follow the computer&apos;s language.</extracomment>
        <translation>Comme le système (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <source>Rename and colour…</source>
        <translation>Renommer et couleur…</translation>
    </message>
    <message>
        <source>Clear done items</source>
        <translation>Retirer les éléments faits</translation>
    </message>
    <message>
        <source>Take out of the archive</source>
        <translation>Sortir de l’archive</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Delete list…</source>
        <translation>Supprimer la liste…</translation>
    </message>
    <message>
        <source>Rename and colour</source>
        <translation>Renommer et couleur</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Name of the list</source>
        <translation>Nom de la liste</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Supprimer « %1 » ?</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>Supprimer la liste</translation>
    </message>
    <message>
        <source>The list is empty. It goes for everyone in the household.</source>
        <translation>La liste est vide. Elle disparaît pour tout le foyer.</translation>
    </message>
    <message numerus="yes">
        <source>Its %n item(s) go with it, for everyone in the household.</source>
        <translation>
            <numerusform>Son %n élément disparaît avec elle, pour tout le foyer.</numerusform>
            <numerusform>Ses %n éléments disparaissent avec elle, pour tout le foyer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Order of categories…</source>
        <translation>Ordre des catégories…</translation>
    </message>
    <message>
        <source>Order of categories</source>
        <translation>Ordre des catégories</translation>
    </message>
    <message>
        <source>Categories in shop order</source>
        <translation>Catégories dans l’ordre du magasin</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>Monter %1</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>Descendre %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 – Kinlist</source>
        <translation>%1 – Kinlist</translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>e.g. kg</source>
        <translation>p. ex. kg</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>e.g. Dairy</source>
        <translation>p. ex. Produits laitiers</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>N&apos;importe qui</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Invite someone to %1</source>
        <translation>Inviter quelqu&apos;un à rejoindre %1</translation>
    </message>
    <message>
        <source>On their device, they choose &quot;Join with an invite code&quot; and type:</source>
        <translation>Sur son appareil, la personne choisit «&#xa0;Rejoindre avec un code d&apos;invitation&#xa0;» et saisit&#xa0;:</translation>
    </message>
    <message>
        <source>Making a code…</source>
        <translation>Création du code…</translation>
    </message>
    <message>
        <source>The code works for 24 hours, for up to 5 people.</source>
        <translation>Le code est valable 24 heures, pour 5 personnes au maximum.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Foyer</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n open</source>
        <comment>a list and how many items are not done</comment>
        <translation>
            <numerusform>%1, %n restant</numerusform>
            <numerusform>%1, %n restants</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Invite someone</source>
        <translation>Inviter quelqu&apos;un</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Nouvelle liste</translation>
    </message>
    <message>
        <source>No list yet</source>
        <translation>Aucune liste pour l&apos;instant</translation>
    </message>
    <message>
        <source>%1 is looking at this list</source>
        <translation>%1 regarde cette liste</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Show the activity of this list</source>
        <translation>Afficher l&apos;activité de cette liste</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>En sourdine</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Sourdine</translation>
    </message>
    <message>
        <source>Notifications for this list are off</source>
        <translation>Les notifications de cette liste sont désactivées</translation>
    </message>
    <message>
        <source>Notify me of others&apos; changes to this list</source>
        <translation>Me prévenir quand d&apos;autres modifient cette liste</translation>
    </message>
    <message>
        <source>Unmute this list</source>
        <translation>Réactiver les notifications de cette liste</translation>
    </message>
    <message>
        <source>Mute this list</source>
        <translation>Mettre cette liste en sourdine</translation>
    </message>
    <message>
        <source>Find on this list (Esc to close)</source>
        <translation>Rechercher dans cette liste (Échap pour fermer)</translation>
    </message>
    <message>
        <source>Find items</source>
        <translation>Rechercher des articles</translation>
    </message>
    <message>
        <source>Add an item and press Enter</source>
        <translation>Ajoute un article et appuie sur Entrée</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nouvel article</translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation>Ajouter quand même</translation>
    </message>
    <message>
        <source>Never mind</source>
        <translation>Laisser tomber</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Divers</translation>
    </message>
    <message>
        <source>Nothing on this list yet.</source>
        <translation>Rien sur cette liste pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Hide done items</source>
        <translation>Masquer les articles cochés</translation>
    </message>
    <message numerus="yes">
        <source>Show %n done item(s)</source>
        <translation>
            <numerusform>Afficher %n article coché</numerusform>
            <numerusform>Afficher les %n articles cochés</numerusform>
        </translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Cette liste</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Activity of the household</source>
        <translation>Activité du foyer</translation>
    </message>
    <message>
        <source>Activity of this list</source>
        <translation>Activité de cette liste</translation>
    </message>
    <message>
        <source>Take this change back</source>
        <translation>Revenir sur cette modification</translation>
    </message>
    <message>
        <source>Take back: %1</source>
        <translation>Défaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Name, e.g. Groceries</source>
        <translation>Nom, p. ex. Courses</translation>
    </message>
    <message>
        <source>Name of the new list</source>
        <translation>Nom de la nouvelle liste</translation>
    </message>
    <message>
        <source>Shopping list: quantities, grouped by category</source>
        <translation>Liste de courses : quantités, regroupées par catégorie</translation>
    </message>
    <message>
        <source>Tasks: who does it, and by when</source>
        <translation>Tâches : qui s’en charge, et pour quand</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n to do</source>
        <comment>a task list and how many tasks are open</comment>
        <translation>
            <numerusform>%1, %n à faire</numerusform>
            <numerusform>%1, %n à faire</numerusform>
        </translation>
    </message>
    <message>
        <source>Make a new list</source>
        <translation>Créer une nouvelle liste</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Inviter</translation>
    </message>
    <message>
        <source>Show the lists</source>
        <translation>Afficher les listes</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Find on this list (Ctrl+F)</source>
        <translation>Rechercher dans cette liste (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find on this list</source>
        <translation>Rechercher dans cette liste</translation>
    </message>
    <message>
        <source>Who did what (Esc closes)</source>
        <translation>Qui a fait quoi (Échap pour fermer)</translation>
    </message>
    <message>
        <source>Never mind (Esc)</source>
        <translation>Laisser tomber (Échap)</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter the password of %1 to send your changes and get the family&apos;s.</source>
        <translation>Saisis le mot de passe de %1 pour envoyer tes modifications et recevoir celles de la famille.</translation>
    </message>
    <message>
        <source>Not signed in and the server is not answering. You can read and change your lists; Kinlist asks for your password when the server is back.</source>
        <translation>Non connecté, et le serveur ne répond pas. Tu peux lire et modifier tes listes ; Kinlist te demandera ton mot de passe quand le serveur sera de retour.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Not signed in on this computer. Your changes are kept here and sent once you sign in.</source>
        <translation>Non connecté sur cet ordinateur. Tes modifications sont gardées ici et envoyées dès que tu te connectes.</translation>
    </message>
    <message>
        <source>Type the first item, then name its list</source>
        <translation>Saisis le premier article, puis nomme sa liste</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>Alt+Up and Alt+Down move it, the Menu key opens its menu</source>
        <translation>Alt+Haut et Alt+Bas la déplacent, la touche Menu ouvre son menu</translation>
    </message>
    <message>
        <source>Drag to move %1 (or Alt+Up and Alt+Down)</source>
        <translation>Glisser pour déplacer %1 (ou Alt+Haut et Alt+Bas)</translation>
    </message>
    <message>
        <source>Archived (%1)</source>
        <translation>Archivées (%1)</translation>
    </message>
    <message>
        <source>Hide the archived lists</source>
        <translation>Masquer les listes archivées</translation>
    </message>
    <message>
        <source>Show the archived lists</source>
        <translation>Afficher les listes archivées</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archivée)</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Désarchiver</translation>
    </message>
    <message>
        <source>Archived: take it out</source>
        <translation>Archivée : la sortir</translation>
    </message>
    <message>
        <source>This list is archived. Take it out of the archive</source>
        <translation>Cette liste est archivée. La sortir de l’archive</translation>
    </message>
    <message>
        <source>List menu</source>
        <translation>Menu de la liste</translation>
    </message>
    <message>
        <source>Rename, colour, archive or delete this list</source>
        <translation>Renommer, colorer, archiver ou supprimer cette liste</translation>
    </message>
    <message>
        <source>Menu of this list</source>
        <translation>Menu de cette liste</translation>
    </message>
    <message>
        <source>Clear done items</source>
        <translation>Retirer les éléments faits</translation>
    </message>
    <message>
        <source>Take the done items off the list (Undo brings them back)</source>
        <translation>Retirer les éléments faits de la liste (Annuler les ramène)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message numerus="yes">
        <source>Today, %n due</source>
        <translation>
            <numerusform>Aujourd’hui, %n à faire</numerusform>
            <numerusform>Aujourd’hui, %n à faire</numerusform>
        </translation>
    </message>
    <message>
        <source>What is due across all lists (Ctrl+T)</source>
        <translation>Ce qui est à faire dans toutes les listes (Ctrl+T)</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>Seulement les miennes</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Pas de rappel</translation>
    </message>
    <message>
        <source>At the time</source>
        <translation>À l’heure</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>15 minutes avant</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>1 heure avant</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>1 jour avant</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>All day, or e.g. %1</source>
        <extracomment>The time field of a task&apos;s details; %1 is an example time.</extracomment>
        <translation>Toute la journée, ou p. ex. %1</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>Me rappeler</translation>
    </message>
    <message>
        <source>Needs a time</source>
        <translation>Nécessite une heure</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minute avant</numerusform>
            <numerusform>%n minutes avant</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Quitter le mode kiosque</translation>
    </message>
    <message>
        <source>Enter the PIN</source>
        <translation>Saisis le code PIN</translation>
    </message>
    <message>
        <source>Delete a digit</source>
        <translation>Effacer un chiffre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n chiffre saisi</numerusform>
            <numerusform>%n chiffres saisis</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Chaque jour</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Chaque semaine</translation>
    </message>
    <message>
        <source>Every 2 weeks</source>
        <translation>Toutes les 2 semaines</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Chaque mois</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Chaque année</translation>
    </message>
    <message>
        <source>Custom…</source>
        <extracomment>A repeat rule of the task&apos;s own: every N days, weeks on chosen days, ...</extracomment>
        <translation>Personnalisé…</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <extracomment>Repeat every N days (the word after the number).</extracomment>
        <translation>
            <numerusform>jour</numerusform>
            <numerusform>jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>semaine</numerusform>
            <numerusform>semaines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>mois</numerusform>
            <numerusform>mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>an</numerusform>
            <numerusform>ans</numerusform>
        </translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>Every</source>
        <extracomment>Before the number of a custom repeat: &quot;Every [2] [weeks]&quot;.</extracomment>
        <translation>Tous les</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>Répéter tous les</translation>
    </message>
    <message>
        <source>Repeat unit</source>
        <translation>Unité de répétition</translation>
    </message>
    <message>
        <source>Take turns</source>
        <translation>À tour de rôle</translation>
    </message>
    <message>
        <source>If done late, count from that day</source>
        <translation>Si fait en retard, compter à partir de ce jour</translation>
    </message>
    <message>
        <source>On</source>
        <extracomment>Before the day of a custom monthly repeat: &quot;On day [15]&quot;.</extracomment>
        <translation>Le</translation>
    </message>
    <message>
        <source>On day</source>
        <translation>Le jour</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>Jour du mois</translation>
    </message>
    <message>
        <source>In shorter months, on their last day.</source>
        <translation>Les mois plus courts, leur dernier jour.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2.</source>
        <translation>Connexion en tant que %1 sur %2.</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>Membres de %1</translation>
    </message>
    <message>
        <source>%1 (owner)</source>
        <translation>%1 (propriétaire)</translation>
    </message>
    <message>
        <source>%1 (kitchen tablet)</source>
        <translation>%1 (tablette de la cuisine)</translation>
    </message>
    <message>
        <source>Unpair</source>
        <translation>Désappairer</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove %1 from the household</source>
        <translation>Retirer %1 du foyer</translation>
    </message>
    <message>
        <source>Invite someone</source>
        <translation>Inviter quelqu&apos;un</translation>
    </message>
    <message>
        <source>Kitchen tablet</source>
        <translation>Tablette de la cuisine</translation>
    </message>
    <message>
        <source>A tablet on the wall shows the lists to everyone, full screen. Start Kinlist there with --kiosk (or choose kiosk mode below) and enter a pairing code.</source>
        <translation>Une tablette fixée au mur affiche les listes pour toute la famille, en plein écran. Lance Kinlist dessus avec --kiosk (ou choisis le mode kiosque ci-dessous) et saisis un code d&apos;appairage.</translation>
    </message>
    <message>
        <source>Make a pairing code</source>
        <translation>Créer un code d&apos;appairage</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, valid once until %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, utilisable une seule fois, jusqu&apos;à %2</translation>
    </message>
    <message>
        <source>Use this computer as the kitchen kiosk…</source>
        <translation>Utiliser cet ordinateur comme kiosque de la cuisine…</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>Retirer %1&#xa0;?</translation>
    </message>
    <message>
        <source>The tablet stops showing the household&apos;s lists at once and needs a new pairing code.</source>
        <translation>La tablette cesse immédiatement d&apos;afficher les listes du foyer et il lui faudra un nouveau code d&apos;appairage.</translation>
    </message>
    <message>
        <source>They no longer see the household&apos;s lists. An owner can invite them again.</source>
        <translation>Cette personne ne verra plus les listes du foyer. Un propriétaire pourra l&apos;inviter de nouveau.</translation>
    </message>
    <message>
        <source>Use this computer as the kiosk?</source>
        <translation>Utiliser cet ordinateur comme kiosque&#xa0;?</translation>
    </message>
    <message>
        <source>Kinlist restarts full screen and asks for a pairing code and a PIN. Leaving kiosk mode then needs that PIN; your own sign-in stays on this computer.</source>
        <translation>Kinlist redémarre en plein écran et demande un code d&apos;appairage et un code PIN. Ce code PIN sera ensuite nécessaire pour quitter le mode kiosque&#xa0;; ta propre connexion reste enregistrée sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Tell me when others change our lists</source>
        <translation>Me prévenir quand d&apos;autres modifient nos listes</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Where no keychain is available, remember my sign-in in a file only my user can read</source>
        <translation>En l&apos;absence de trousseau, mémoriser ma connexion dans un fichier lisible uniquement par mon compte utilisateur</translation>
    </message>
    <message>
        <source>Sign out of this device</source>
        <translation>Se déconnecter de cet appareil</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Restart as kiosk</source>
        <translation>Redémarrer en kiosque</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Keep Kinlist in the tray when I close the window, for reminders and news</source>
        <translation>Garder Kinlist dans la zone de notification à la fermeture de la fenêtre, pour les rappels et les nouvelles</translation>
    </message>
    <message>
        <source>Start Kinlist in the tray when I log in</source>
        <translation>Démarrer Kinlist dans la zone de notification à la connexion</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Create your Kinlist account</source>
        <translation>Crée ton compte Kinlist</translation>
    </message>
    <message>
        <source>Welcome to Kinlist</source>
        <translation>Bienvenue dans Kinlist</translation>
    </message>
    <message>
        <source>Shared lists for the whole family, on every device, live.</source>
        <translation>Des listes partagées pour toute la famille, sur tous les appareils, en direct.</translation>
    </message>
    <message>
        <source>Server address, e.g. kitchen-pc:8477</source>
        <translation>Adresse du serveur, p. ex. kitchen-pc:8477</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Your name, as the family sees it</source>
        <translation>Ton nom, tel que la famille le verra</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ton nom</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>Password (at least 8 characters)</source>
        <translation>Mot de passe (8 caractères minimum)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Un instant…</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>J&apos;ai déjà un compte</translation>
    </message>
    <message>
        <source>New here? Create an account</source>
        <translation>Pas encore de compte&#xa0;? Crée-en un</translation>
    </message>
    <message>
        <source>Keep me signed in on this computer</source>
        <translation>Rester connecté sur cet ordinateur</translation>
    </message>
    <message>
        <source>This computer has no keychain, so the sign-in would be kept in a file only your user can read. Otherwise Kinlist asks for your password after each start.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau : la connexion serait gardée dans un fichier que seul ton compte peut lire. Sinon, Kinlist te demande ton mot de passe à chaque démarrage.</translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message>
        <source>Connecting</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Connexion&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <comment>changes not yet sent to the server</comment>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Retry connecting now</source>
        <translation>Réessayer de se connecter maintenant</translation>
    </message>
</context>
<context>
    <name>Toasts</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <extracomment>Above the newest toast: the older ones, folded away.</extracomment>
        <translation>
            <numerusform>%n de plus</numerusform>
            <numerusform>%n de plus</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the other messages</source>
        <translation>Afficher les autres messages</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Due today and soon</source>
        <translation>Pour aujourd’hui et bientôt</translation>
    </message>
    <message>
        <source>%1, %2. Space completes it, Enter opens %2</source>
        <translation>%1, %2. Espace la termine, Entrée ouvre %2</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Faite : %1</translation>
    </message>
    <message>
        <source>Nothing due for you this week.</source>
        <translation>Rien à faire pour toi cette semaine.</translation>
    </message>
    <message>
        <source>Nothing due this week. Tasks with a date show up here.</source>
        <translation>Rien à faire cette semaine. Les tâches datées apparaissent ici.</translation>
    </message>
</context>
<context>
    <name>kinlist::client::AuthClient</name>
    <message>
        <source>That email address and password do not match an account.</source>
        <translation>Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.</translation>
    </message>
    <message>
        <source>There is already an account with this email address. Sign in instead.</source>
        <translation>Un compte existe déjà avec cette adresse e-mail. Connecte-toi plutôt.</translation>
    </message>
    <message>
        <source>That pairing code is not valid. It may have expired or been used already; make a new one in Settings on a family computer.</source>
        <translation>Ce code d&apos;appairage n&apos;est pas valide. Il a peut-être expiré ou déjà servi&#xa0;; crées-en un nouveau dans les Paramètres d&apos;un ordinateur de la famille.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation>Trop de tentatives. Attends une minute et réessaie.</translation>
    </message>
    <message>
        <source>This server needs a newer Kinlist. Please update the app.</source>
        <translation>Ce serveur nécessite une version plus récente de Kinlist. Mets l&apos;application à jour.</translation>
    </message>
    <message>
        <source>Please check what you typed: %1</source>
        <translation>Vérifie ce que tu as saisi&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server could not sign you in (%1).</source>
        <translation>Le serveur n&apos;a pas pu te connecter (%1).</translation>
    </message>
    <message>
        <source>The server at %1 did not answer. Check the address and that it is running.</source>
        <translation>Le serveur %1 n&apos;a pas répondu. Vérifie l&apos;adresse et que le serveur est bien lancé.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and your network.</source>
        <translation>Impossible de joindre le serveur %1. Vérifie l&apos;adresse et ta connexion réseau.</translation>
    </message>
    <message>
        <source>That does not look like a server address (for example kitchen-pc:8477).</source>
        <translation>Ça ne ressemble pas à une adresse de serveur (par exemple kitchen-pc:8477).</translation>
    </message>
</context>
<context>
    <name>kinlist::client::CredentialStore</name>
    <message>
        <source>Your sign-in is kept in the system keychain.</source>
        <translation>Ta connexion est conservée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer. Your sign-in is kept in a file only your user account can read, as you chose.</source>
        <translation>Aucun trousseau n&apos;est disponible sur cet ordinateur. Comme tu l&apos;as choisi, ta connexion est conservée dans un fichier lisible uniquement par ton compte utilisateur.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer, and the sign-in file could not be written. You will have to sign in again after Kinlist restarts.</source>
        <translation>Aucun trousseau n&apos;est disponible sur cet ordinateur et le fichier de connexion n&apos;a pas pu être écrit. Tu devras te reconnecter au prochain démarrage de Kinlist.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer. Your sign-in is kept only until Kinlist closes; you can allow keeping it in a private file in Settings.</source>
        <translation>Aucun trousseau n&apos;est disponible sur cet ordinateur. Ta connexion n&apos;est conservée que jusqu&apos;à la fermeture de Kinlist&#xa0;; tu peux autoriser sa conservation dans un fichier privé dans les Paramètres.</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ActivityModel</name>
    <message>
        <source>%1 in %2</source>
        <extracomment>An activity entry of the household-wide feed: &quot;Dad checked off Milk&quot; in &quot;Groceries&quot;</extracomment>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Quelqu&apos;un</translation>
    </message>
    <message>
        <source>%1 created the list %2</source>
        <translation>%1 a créé la liste %2</translation>
    </message>
    <message>
        <source>%1 created the list</source>
        <translation>%1 a créé la liste</translation>
    </message>
    <message>
        <source>%1 renamed the list to %2</source>
        <translation>%1 a renommé la liste en %2</translation>
    </message>
    <message>
        <source>%1 changed the list</source>
        <translation>%1 a modifié la liste</translation>
    </message>
    <message>
        <source>%1 deleted the list</source>
        <translation>%1 a supprimé la liste</translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <translation>%1 a ajouté %2</translation>
    </message>
    <message>
        <source>%1 removed %2</source>
        <translation>%1 a retiré %2</translation>
    </message>
    <message>
        <source>%1 moved %2</source>
        <translation>%1 a déplacé %2</translation>
    </message>
    <message>
        <source>%1 checked off %2</source>
        <translation>%1 a coché %2</translation>
    </message>
    <message>
        <source>%1 put %2 back on the list</source>
        <translation>%1 a remis %2 sur la liste</translation>
    </message>
    <message>
        <source>%1 renamed an item to %2</source>
        <translation>%1 a renommé un article en %2</translation>
    </message>
    <message>
        <source>%1 changed %2</source>
        <translation>%1 a modifié %2</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>%1 (on %2)</source>
        <extracomment>A change the kitchen tablet made for someone: the sentence, then the tablet&apos;s name (&quot;Dad checked off Milk (on Kitchen tablet)&quot;).</extracomment>
        <translation>%1 (depuis %2)</translation>
    </message>
    <message>
        <source>%1 did %2, %3</source>
        <extracomment>A repeating task done: &quot;Dad did Take out bins, 06/12/2026&quot; (the occurrence&apos;s date).</extracomment>
        <translation>%1 a fait %2, %3</translation>
    </message>
    <message>
        <source>%1 deleted the list %2</source>
        <translation>%1 a supprimé la liste %2</translation>
    </message>
    <message>
        <source>%1 brought back the list %2</source>
        <translation>%1 a rétabli la liste %2</translation>
    </message>
    <message>
        <source>%1 brought back the list</source>
        <translation>%1 a rétabli la liste</translation>
    </message>
    <message>
        <source>%1 archived the list %2</source>
        <translation>%1 a archivé la liste %2</translation>
    </message>
    <message>
        <source>%1 archived the list</source>
        <translation>%1 a archivé la liste</translation>
    </message>
    <message>
        <source>%1 took the list %2 out of the archive</source>
        <translation>%1 a sorti la liste %2 de l’archive</translation>
    </message>
    <message>
        <source>%1 took the list out of the archive</source>
        <translation>%1 a sorti la liste de l’archive</translation>
    </message>
    <message>
        <source>%1 gave the list %2 another colour</source>
        <translation>%1 a changé la couleur de la liste %2</translation>
    </message>
    <message>
        <source>%1 gave the list another colour</source>
        <translation>%1 a changé la couleur de la liste</translation>
    </message>
    <message>
        <source>%1 moved the list %2</source>
        <translation>%1 a déplacé la liste %2</translation>
    </message>
    <message>
        <source>%1 moved the list</source>
        <translation>%1 a déplacé la liste</translation>
    </message>
    <message>
        <source>%1 changed the list %2</source>
        <translation>%1 a modifié la liste %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Alerts</name>
    <message>
        <source>today at %1</source>
        <extracomment>When a task is due: &quot;today at 19:00&quot;.</extracomment>
        <translation>aujourd’hui à %1</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>demain à %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>Due %1 · %2</source>
        <extracomment>A reminder&apos;s second line: &quot;Due today at 19:00 · Chores&quot;.</extracomment>
        <translation>Échéance %1 · %2</translation>
    </message>
    <message>
        <source>Reminder: %1, %2</source>
        <translation>Rappel : %1, %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::AppSettings</name>
    <message>
        <source>Kinlist could not remove %1.</source>
        <translation>Kinlist n’a pas pu supprimer %1.</translation>
    </message>
    <message>
        <source>Your family&apos;s lists, in the tray from login</source>
        <translation>Les listes de votre famille, dans la zone de notification dès la connexion</translation>
    </message>
    <message>
        <source>Kinlist could not write %1: %2</source>
        <translation>Kinlist n’a pas pu écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ConnectionStatus</name>
    <message>
        <source>Live</source>
        <extracomment>The connection status: connected, changes arrive as they happen.</extracomment>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Connected. Changes appear on every device at once.</source>
        <translation>Connecté. Les modifications apparaissent aussitôt sur tous les appareils.</translation>
    </message>
    <message>
        <source>Connected, catching up.</source>
        <translation>Connecté, mise à jour en cours.</translation>
    </message>
    <message>
        <source>Connecting to the server.</source>
        <translation>Connexion au serveur.</translation>
    </message>
    <message>
        <source>Not connected (%1). Your changes are kept on this device and sent when the connection is back.</source>
        <translation>Non connecté (%1). Tes modifications sont conservées sur cet appareil et seront envoyées dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Signed out. Sign in again to send your changes.</source>
        <translation>Déconnecté. Reconnecte-toi pour envoyer tes modifications.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n modification en attente d&apos;envoi.</numerusform>
            <numerusform>%n modifications en attente d&apos;envoi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n second(s).</source>
        <translation>
            <numerusform>Nouvel essai dans %n seconde.</numerusform>
            <numerusform>Nouvel essai dans %n secondes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Households</name>
    <message>
        <source>You are offline. This needs a connection to the server.</source>
        <translation>Tu es hors ligne. Cette action nécessite une connexion au serveur.</translation>
    </message>
    <message>
        <source>That invite code is not valid. It may have expired or been used up; ask for a new one.</source>
        <translation>Ce code d&apos;invitation n&apos;est pas valide. Il a peut-être expiré ou atteint son nombre d&apos;utilisations&#xa0;; demandes-en un nouveau.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Wait a minute and try again.</source>
        <translation>Trop de codes erronés. Attends une minute et réessaie.</translation>
    </message>
    <message>
        <source>The server could not do this (%1). Please try again.</source>
        <translation>Le serveur n&apos;a pas pu effectuer cette action (%1). Réessaie.</translation>
    </message>
    <message>
        <source>Give your household a name.</source>
        <translation>Donne un nom à ton foyer.</translation>
    </message>
    <message>
        <source>Enter the invite code you were given.</source>
        <translation>Saisis le code d&apos;invitation qu&apos;on t&apos;a donné.</translation>
    </message>
    <message>
        <source>You are offline. Making an invite code needs a connection.</source>
        <translation>Tu es hors ligne. Il faut une connexion pour créer un code d&apos;invitation.</translation>
    </message>
    <message>
        <source>Only an owner of the household can invite people.</source>
        <translation>Seul un propriétaire du foyer peut inviter des personnes.</translation>
    </message>
    <message>
        <source>The server could not make an invite code (%1). Please try again.</source>
        <translation>Le serveur n&apos;a pas pu créer de code d&apos;invitation (%1). Réessaie.</translation>
    </message>
    <message>
        <source>You are offline. Removing someone needs a connection.</source>
        <translation>Tu es hors ligne. Il faut une connexion pour retirer quelqu&apos;un.</translation>
    </message>
    <message>
        <source>Only an owner of the household can remove someone.</source>
        <translation>Seul un propriétaire du foyer peut retirer quelqu&apos;un.</translation>
    </message>
    <message>
        <source>The server could not remove them (%1).</source>
        <translation>Le serveur n&apos;a pas pu retirer cette personne (%1).</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ItemsModel</name>
    <message>
        <source>done</source>
        <extracomment>A conflict: the value another person gave a field (&quot;Mum set done, you set not done&quot;). &quot;done&quot;: the item is checked off.</extracomment>
        <translation>coché</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>non coché</translation>
    </message>
    <message>
        <source>nothing</source>
        <extracomment>A conflict: the field was cleared (&quot;Mum set nothing, you set 3&quot;).</extracomment>
        <translation>rien</translation>
    </message>
    <message>
        <source>%1 set %2, you set %3</source>
        <extracomment>A change of this device lost to someone else&apos;s: who, their value, this device&apos;s.</extracomment>
        <translation>%1 a mis «&#xa0;%2&#xa0;», toi «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Quelqu&apos;un</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>tous les %n jours</numerusform>
            <numerusform>tous les %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>every %1</source>
        <extracomment>A weekly task: &quot;every Sat&quot;, &quot;every Mon and Thu&quot;.</extracomment>
        <translation>chaque %1</translation>
    </message>
    <message numerus="yes">
        <source>every %n week(s) on %1</source>
        <extracomment>A task every few weeks: &quot;every 2 weeks on Mon and Thu&quot;.</extracomment>
        <translation>
            <numerusform>toutes les %n semaines le %1</numerusform>
            <numerusform>toutes les %n semaines le %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n month(s) on day %1</source>
        <translation>
            <numerusform>tous les %n mois le %1</numerusform>
            <numerusform>tous les %n mois le %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n year(s) on %1 %2</source>
        <translation>
            <numerusform>tous les %n ans le %1 %2</numerusform>
            <numerusform>tous les %n ans le %1 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>every day</source>
        <extracomment>How often a task repeats: &quot;every 3 days&quot;.</extracomment>
        <translation>chaque jour</translation>
    </message>
    <message>
        <source>every month on day %1</source>
        <extracomment>A monthly task: &quot;every month on day 31&quot; (the month&apos;s last day when shorter).</extracomment>
        <translation>chaque mois le %1</translation>
    </message>
    <message>
        <source>every year on %1 %2</source>
        <extracomment>A yearly task: &quot;every year on 6 December&quot; (%1 the day, %2 the month&apos;s name).</extracomment>
        <translation>chaque année le %1 %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Kiosk</name>
    <message>
        <source>This tablet was unpaired from the household. Pair it again with a new code from Settings on a family computer.</source>
        <translation>Cette tablette a été désappairée du foyer. Appaire-la de nouveau avec un code créé dans les Paramètres d&apos;un ordinateur de la famille.</translation>
    </message>
    <message>
        <source>You are offline. Pairing a tablet needs a connection.</source>
        <translation>Tu es hors ligne. Il faut une connexion pour appairer une tablette.</translation>
    </message>
    <message>
        <source>Only an owner of the household can pair a kitchen tablet.</source>
        <translation>Seul un propriétaire du foyer peut appairer la tablette de la cuisine.</translation>
    </message>
    <message>
        <source>The server could not make a pairing code (%1). Please try again.</source>
        <translation>Le serveur n&apos;a pas pu créer de code d&apos;appairage (%1). Réessaie.</translation>
    </message>
    <message>
        <source>Enter the pairing code from Settings on a family computer, and a name for this tablet.</source>
        <translation>Saisis le code d&apos;appairage obtenu dans les Paramètres d&apos;un ordinateur de la famille, ainsi qu&apos;un nom pour cette tablette.</translation>
    </message>
    <message>
        <source>Choose a PIN of 4 to 8 digits. It is needed to leave kiosk mode.</source>
        <translation>Choisis un code PIN de 4 à 8 chiffres. Il servira à quitter le mode kiosque.</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>Les deux codes PIN sont différents. Saisis deux fois le même code PIN.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de codes PIN erronés. Réessaie dans %n seconde.</numerusform>
            <numerusform>Trop de codes PIN erronés. Réessaie dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>That is not the PIN.</source>
        <translation>Ce n&apos;est pas le bon code PIN.</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ListEditor</name>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>il y a %n heure</numerusform>
            <numerusform>il y a %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is already on the list.</source>
        <translation>%1 est déjà sur la liste.</translation>
    </message>
    <message>
        <source>%1 is already on the list (added by %2, %3).</source>
        <translation>%1 est déjà sur la liste (ajout de %2, %3).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Undo bar after &quot;Add 1 more&quot;: the item and its new quantity, e.g. &quot;Milk: 3&quot;, &quot;Milk: 3 l&quot;.</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 checked off</source>
        <translation>Coché&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 back on the list</source>
        <translation>Remis sur la liste&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 renamed</source>
        <translation>Renommé&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>Modifié&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 moved to Other</source>
        <translation>%1 déplacé dans Autres</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>%1 déplacé dans %2</translation>
    </message>
    <message>
        <source>%1 moved</source>
        <translation>Déplacé&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>Supprimé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not keep your change: %1</source>
        <translation>Impossible de conserver ta modification&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 done, next %2</source>
        <extracomment>Undo bar after completing a repeating task: &quot;Take out bins done, next Sat 12 Dec&quot;.</extracomment>
        <translation>%1 fait, prochaine fois %2</translation>
    </message>
    <message>
        <source>Colour of %1 changed</source>
        <translation>Couleur de %1 modifiée</translation>
    </message>
    <message>
        <source>%1 unarchived</source>
        <translation>%1 désarchivée</translation>
    </message>
    <message>
        <source>%1 archived</source>
        <translation>%1 archivée</translation>
    </message>
    <message numerus="yes">
        <source>%n done item(s) cleared</source>
        <extracomment>Undo bar after &quot;Clear done items&quot;.</extracomment>
        <translation>
            <numerusform>%n élément fait retiré</numerusform>
            <numerusform>%n éléments faits retirés</numerusform>
        </translation>
    </message>
    <message>
        <source>Order of categories changed</source>
        <translation>Ordre des catégories modifié</translation>
    </message>
    <message>
        <source>Add %1 more</source>
        <extracomment>The button on &quot;Milk is already on the list&quot;: &quot;Add 1 more&quot;, &quot;Add 2 l more&quot;.</extracomment>
        <translation>Ajouter %1 de plus</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ScreenKeeper</name>
    <message>
        <source>This desktop offers no way for Kinlist to keep the screen on. Turn the screen saver and power saving off in its settings.</source>
        <translation>Cet environnement de bureau ne permet pas à Kinlist de garder l&apos;écran allumé. Désactive l&apos;économiseur d&apos;écran et la mise en veille dans ses paramètres.</translation>
    </message>
    <message>
        <source>The kitchen kiosk is showing the family&apos;s lists</source>
        <translation>Le kiosque de la cuisine affiche les listes de la famille</translation>
    </message>
    <message>
        <source>The screen saver did not agree to stay off (%1).</source>
        <translation>L&apos;économiseur d&apos;écran a refusé de rester désactivé (%1).</translation>
    </message>
    <message>
        <source>The screen stays on while the kiosk runs.</source>
        <translation>L&apos;écran reste allumé tant que le kiosque fonctionne.</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Session</name>
    <message>
        <source>Kinlist is already open for this account on this computer. Use that window, or close it first.</source>
        <translation>Kinlist est déjà ouvert avec ce compte sur cet ordinateur. Utilise cette fenêtre, ou ferme-la d&apos;abord.</translation>
    </message>
    <message>
        <source>Kinlist cannot open its data on this computer: %1</source>
        <translation>Kinlist ne peut pas ouvrir ses données sur cet ordinateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>A change was refused: you are no longer a member of that household.</source>
        <translation>Une modification a été refusée&#xa0;: tu ne fais plus partie de ce foyer.</translation>
    </message>
    <message>
        <source>A change was refused: the item or list no longer exists.</source>
        <translation>Une modification a été refusée&#xa0;: l&apos;article ou la liste n&apos;existe plus.</translation>
    </message>
    <message>
        <source>A change could not be saved (%1).</source>
        <translation>Une modification n&apos;a pas pu être enregistrée (%1).</translation>
    </message>
    <message>
        <source>Kinlist could not save this change on this computer: %1</source>
        <translation>Kinlist n&apos;a pas pu enregistrer cette modification sur cet ordinateur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ToastQueue</name>
    <message>
        <source>Someone</source>
        <translation>Quelqu&apos;un</translation>
    </message>
    <message>
        <source>%1 added %2 to %3</source>
        <translation>%1 a ajouté %2 dans %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 added %n item(s) to %2</source>
        <translation>
            <numerusform>%1 a ajouté %n article dans %2</numerusform>
            <numerusform>%1 a ajouté %n articles dans %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 checked off %2</source>
        <translation>%1 a coché %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 checked off %n item(s) on %2</source>
        <translation>
            <numerusform>%1 a coché %n article dans %2</numerusform>
            <numerusform>%1 a coché %n articles dans %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 put %2 back on %3</source>
        <translation>%1 a remis %2 dans %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 put %n item(s) back on %2</source>
        <translation>
            <numerusform>%1 a remis %n article dans %2</numerusform>
            <numerusform>%1 a remis %n articles dans %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 removed %2 from %3</source>
        <translation>%1 a retiré %2 de %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 removed %n item(s) from %2</source>
        <translation>
            <numerusform>%1 a retiré %n article de %2</numerusform>
            <numerusform>%1 a retiré %n articles de %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed %2 on %3</source>
        <translation>%1 a modifié %2 dans %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 changed %n item(s) on %2</source>
        <translation>
            <numerusform>%1 a modifié %n article dans %2</numerusform>
            <numerusform>%1 a modifié %n articles dans %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 did %2</source>
        <extracomment>Someone did a repeating task: &quot;Dad did Take out bins&quot;.</extracomment>
        <translation>%1 a fait %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 did %n task(s) on %2</source>
        <translation>
            <numerusform>%1 a fait %n tâche sur %2</numerusform>
            <numerusform>%1 a fait %n tâches sur %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 renamed a list to %2</source>
        <translation>%1 a renommé une liste en %2</translation>
    </message>
    <message>
        <source>%1 archived the list %2</source>
        <translation>%1 a archivé la liste %2</translation>
    </message>
    <message>
        <source>%1 took the list %2 out of the archive</source>
        <translation>%1 a sorti la liste %2 de l’archive</translation>
    </message>
    <message>
        <source>%1 deleted the list %2</source>
        <translation>%1 a supprimé la liste %2</translation>
    </message>
    <message>
        <source>%1 brought back the list %2</source>
        <translation>%1 a rétabli la liste %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::TodayModel</name>
    <message>
        <source>Someone</source>
        <translation>Quelqu’un</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>N’importe qui</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <extracomment>A task that was due on an earlier day: &quot;Overdue since 01/12/2026&quot;.</extracomment>
        <translation>En retard depuis le %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Demain</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>A day and a time of day: &quot;Today, 18:00&quot;.</extracomment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Tray</name>
    <message>
        <source>Open Kinlist</source>
        <translation>Ouvrir Kinlist</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Kinlist: %1</source>
        <translation>Kinlist : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::UserAccount</name>
    <message>
        <source>This tablet&apos;s pairing was not kept. Pair it again with a new code from Settings on a family computer.</source>
        <translation>L&apos;appairage de cette tablette n&apos;a pas été conservé. Appaire-la de nouveau avec un code créé dans les Paramètres d&apos;un ordinateur de la famille.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again; your changes are kept.</source>
        <translation>Ta session a expiré. Reconnecte-toi&#xa0;; tes modifications sont conservées.</translation>
    </message>
    <message>
        <source>Enter your email address and password.</source>
        <translation>Saisis ton adresse e-mail et ton mot de passe.</translation>
    </message>
    <message>
        <source>Enter your name and email address.</source>
        <translation>Saisis ton nom et ton adresse e-mail.</translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation>Choisis un mot de passe d&apos;au moins 8 caractères.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisis ton mot de passe.</translation>
    </message>
</context>
<context>
    <name>listcolors</name>
    <message>
        <source>Red</source>
        <translation>Rouge</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Jaune</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Vert</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Sarcelle</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Bleu</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Violet</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Rose</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>Marron</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Gris</translation>
    </message>
    <message>
        <source>No colour</source>
        <translation>Aucune couleur</translation>
    </message>
</context>
</TS>

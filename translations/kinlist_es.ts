<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AvatarRow</name>
    <message>
        <source>Changes now count as %1&apos;s</source>
        <translation>Ahora los cambios se registran a nombre de %1</translation>
    </message>
    <message>
        <source>Who is this? Tap your face.</source>
        <translation>¿Quién eres? Toca tu cara.</translation>
    </message>
    <message>
        <source>%1, chosen</source>
        <translation>%1, seleccionado</translation>
    </message>
</context>
<context>
    <name>ChangedByLabel</name>
    <message>
        <source>just now</source>
        <translation>justo ahora</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>a las %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>el %1</translation>
    </message>
    <message>
        <source>added by %1, %2</source>
        <extracomment>Who added an item and when: &quot;added by Mum, 5 min ago&quot;.</extracomment>
        <translation>añadido por %1, %2</translation>
    </message>
    <message>
        <source>changed by %1, %2</source>
        <extracomment>Who changed an item last and when: &quot;changed by Mum, 5 min ago&quot;.</extracomment>
        <translation>cambiado por %1, %2</translation>
    </message>
</context>
<context>
    <name>CleaningOverlay</name>
    <message>
        <source>Cleaning – the screen ignores touches</source>
        <translation>Limpieza – la pantalla no responde al tacto</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>Queda %n segundo</numerusform>
            <numerusform>Quedan %n segundos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>No date, or e.g. %1</source>
        <translation>Sin fecha, o p. ej. %1</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Elegir una fecha</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mes siguiente</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>Hello %1!</source>
        <translation>¡Hola, %1!</translation>
    </message>
    <message>
        <source>Start a household for your family, or join one with the invite code someone gave you.</source>
        <translation>Crea un hogar para tu familia o únete a uno con el código de invitación que te dieron.</translation>
    </message>
    <message>
        <source>Start a household</source>
        <translation>Crear un hogar</translation>
    </message>
    <message>
        <source>e.g. The Smiths</source>
        <translation>p. ej., Los García</translation>
    </message>
    <message>
        <source>Household name</source>
        <translation>Nombre del hogar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Join with an invite code</source>
        <translation>Unirse con un código de invitación</translation>
    </message>
    <message>
        <source>ABCD-EFGH</source>
        <translation>ABCD-EFGH</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Código de invitación</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Drag to move %1 (or Alt+Up and Alt+Down)</source>
        <translation>Arrastra para mover %1 (o usa Alt+Arriba y Alt+Abajo)</translation>
    </message>
    <message>
        <source>Mark %1 as not done</source>
        <translation>Marcar %1 como pendiente</translation>
    </message>
    <message>
        <source>Mark %1 as done</source>
        <translation>Marcar %1 como hecho</translation>
    </message>
    <message>
        <source>Item title</source>
        <translation>Título del artículo</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <extracomment>A task&apos;s due date on its row, e.g. &quot;due 24/11/2026&quot;.</extracomment>
        <translation>venció el %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>vence el %1</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Mantener el mío</translation>
    </message>
    <message>
        <source>Keep my change to %1</source>
        <translation>Mantener mi cambio en %1</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>pendiente de envío</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>sin guardar</translation>
    </message>
    <message>
        <source>Saved on this computer; it goes to the others when connected.</source>
        <translation>Guardado en este equipo; se enviará a los demás cuando haya conexión.</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>El servidor rechazó este cambio.</translation>
    </message>
    <message>
        <source>Details of %1</source>
        <translation>Detalles de %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar %1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Eliminar (Supr)</translation>
    </message>
    <message>
        <source>For %1</source>
        <translation>Para %1</translation>
    </message>
    <message>
        <source>Reminder at the time</source>
        <translation>Recordatorio a la hora</translation>
    </message>
    <message numerus="yes">
        <source>Reminder %n minute(s) before</source>
        <translation>
            <numerusform>Recordatorio %n minuto antes</numerusform>
            <numerusform>Recordatorio %n minutos antes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskItemRow</name>
    <message>
        <source>%1, done</source>
        <translation>%1, hecho</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>pendiente de envío</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>sin guardar</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar %1</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>venció el %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>vence el %1</translation>
    </message>
</context>
<context>
    <name>KioskPage</name>
    <message>
        <source>‹ All lists</source>
        <translation>‹ Todas las listas</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>Cleaning mode: ignore touches for 30 seconds</source>
        <translation>Modo limpieza: la pantalla no responde al tacto durante 30 segundos</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Leave kiosk mode (needs the PIN)</source>
        <translation>Salir del modo quiosco (requiere el PIN)</translation>
    </message>
    <message>
        <source>No lists yet. Lists made on any family device show up here.</source>
        <translation>Aún no hay listas. Las listas que se creen en cualquier dispositivo de la familia aparecerán aquí.</translation>
    </message>
    <message>
        <source>Add to %1…</source>
        <translation>Agregar a %1…</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nuevo artículo</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation>Agregar igualmente</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Nothing on this list.</source>
        <translation>No hay nada en esta lista.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <source>Today for %1</source>
        <translation>Hoy para %1</translation>
    </message>
    <message>
        <source>Tap to mark it done</source>
        <translation>Toca para marcarla como hecha</translation>
    </message>
</context>
<context>
    <name>KioskPairPage</name>
    <message>
        <source>Pair this kitchen tablet</source>
        <translation>Vincular esta tableta de la cocina</translation>
    </message>
    <message>
        <source>On a family computer, an owner opens Kinlist, Settings, and chooses &quot;Make a pairing code&quot;. Type that code here.</source>
        <translation>En un equipo de la familia, un propietario abre Kinlist, va a Configuración y elige &quot;Generar un código de vinculación&quot;. Escribe ese código aquí.</translation>
    </message>
    <message>
        <source>Server address, e.g. kitchen-pc:8477</source>
        <translation>Dirección del servidor, p. ej., kitchen-pc:8477</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Pairing code, e.g. K7QX-M2PD</source>
        <translation>Código de vinculación, p. ej., K7QX-M2PD</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Código de vinculación</translation>
    </message>
    <message>
        <source>Kitchen tablet</source>
        <translation>Tableta de la cocina</translation>
    </message>
    <message>
        <source>A name for this tablet</source>
        <translation>Un nombre para esta tableta</translation>
    </message>
    <message>
        <source>Tablet name</source>
        <translation>Nombre de la tableta</translation>
    </message>
    <message>
        <source>Exit PIN (4–8 digits)</source>
        <translation>PIN de salida (4–8 dígitos)</translation>
    </message>
    <message>
        <source>PIN to leave kiosk mode</source>
        <translation>PIN para salir del modo quiosco</translation>
    </message>
    <message>
        <source>The PIN again</source>
        <translation>Repite el PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Repetir el PIN</translation>
    </message>
    <message>
        <source>This tablet has no keychain. Keep the pairing in a file only this user can read, so it survives a restart.</source>
        <translation>Esta tableta no tiene llavero. Guardar la vinculación en un archivo que solo este usuario puede leer, para que se conserve al reiniciar.</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Un momento…</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Vincular</translation>
    </message>
</context>
<context>
    <name>KioskTile</name>
    <message>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Shopping</source>
        <translation>Compras</translation>
    </message>
    <message>
        <source>All done</source>
        <translation>Todo hecho</translation>
    </message>
    <message numerus="yes">
        <source>%n to do</source>
        <translation>
            <numerusform>%n por hacer</numerusform>
            <numerusform>%n por hacer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to get</source>
        <translation>
            <numerusform>%n por comprar</numerusform>
            <numerusform>%n por comprar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>As the system (%1)</source>
        <extracomment>The first choice of the language setting: follow the computer&apos;s language.</extracomment>
        <translation>Igual que el sistema (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <source>Rename and colour…</source>
        <translation>Cambiar nombre y color…</translation>
    </message>
    <message>
        <source>Clear done items</source>
        <translation>Quitar los hechos</translation>
    </message>
    <message>
        <source>Take out of the archive</source>
        <translation>Sacar del archivo</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivar</translation>
    </message>
    <message>
        <source>Delete list…</source>
        <translation>Eliminar lista…</translation>
    </message>
    <message>
        <source>Rename and colour</source>
        <translation>Cambiar nombre y color</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Name of the list</source>
        <translation>Nombre de la lista</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>¿Eliminar «%1»?</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>Eliminar lista</translation>
    </message>
    <message>
        <source>The list is empty. It goes for everyone in the household.</source>
        <translation>La lista está vacía. Desaparece para todos en el hogar.</translation>
    </message>
    <message numerus="yes">
        <source>Its %n item(s) go with it, for everyone in the household.</source>
        <translation>
            <numerusform>Su %n elemento desaparece con ella, para todos en el hogar.</numerusform>
            <numerusform>Sus %n elementos desaparecen con ella, para todos en el hogar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Order of categories…</source>
        <translation>Orden de las categorías…</translation>
    </message>
    <message>
        <source>Order of categories</source>
        <translation>Orden de las categorías</translation>
    </message>
    <message>
        <source>Categories in shop order</source>
        <translation>Categorías en el orden de la tienda</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>Subir %1</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>Bajar %1</translation>
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
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>e.g. kg</source>
        <translation>p. ej., kg</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>e.g. Dairy</source>
        <translation>p. ej., Lácteos</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Invite someone to %1</source>
        <translation>Invitar a alguien a %1</translation>
    </message>
    <message>
        <source>On their device, they choose &quot;Join with an invite code&quot; and type:</source>
        <translation>En su dispositivo, la otra persona elige &quot;Unirse con un código de invitación&quot; y escribe:</translation>
    </message>
    <message>
        <source>Making a code…</source>
        <translation>Generando un código…</translation>
    </message>
    <message>
        <source>The code works for 24 hours, for up to 5 people.</source>
        <translation>El código es válido durante 24 horas y para un máximo de 5 personas.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listas</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n open</source>
        <comment>a list and how many items are not done</comment>
        <translation>
            <numerusform>%1, %n pendiente</numerusform>
            <numerusform>%1, %n pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Invite someone</source>
        <translation>Invitar a alguien</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Nueva lista</translation>
    </message>
    <message>
        <source>No list yet</source>
        <translation>Aún no hay ninguna lista</translation>
    </message>
    <message>
        <source>%1 is looking at this list</source>
        <translation>%1 está viendo esta lista</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Show the activity of this list</source>
        <translation>Mostrar la actividad de esta lista</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Silenciada</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Notifications for this list are off</source>
        <translation>Las notificaciones de esta lista están desactivadas</translation>
    </message>
    <message>
        <source>Notify me of others&apos; changes to this list</source>
        <translation>Avisarme de los cambios que hagan otros en esta lista</translation>
    </message>
    <message>
        <source>Unmute this list</source>
        <translation>Dejar de silenciar esta lista</translation>
    </message>
    <message>
        <source>Mute this list</source>
        <translation>Silenciar esta lista</translation>
    </message>
    <message>
        <source>Find on this list (Esc to close)</source>
        <translation>Buscar en esta lista (Esc para cerrar)</translation>
    </message>
    <message>
        <source>Find items</source>
        <translation>Buscar artículos</translation>
    </message>
    <message>
        <source>Add an item and press Enter</source>
        <translation>Agrega un artículo y pulsa Intro</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nuevo artículo</translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation>Agregar igualmente</translation>
    </message>
    <message>
        <source>Never mind</source>
        <translation>Mejor no</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Nothing on this list yet.</source>
        <translation>Todavía no hay nada en esta lista.</translation>
    </message>
    <message>
        <source>Hide done items</source>
        <translation>Ocultar los artículos hechos</translation>
    </message>
    <message numerus="yes">
        <source>Show %n done item(s)</source>
        <translation>
            <numerusform>Mostrar %n artículo hecho</numerusform>
            <numerusform>Mostrar %n artículos hechos</numerusform>
        </translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Esta lista</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Activity of the household</source>
        <translation>Actividad del hogar</translation>
    </message>
    <message>
        <source>Activity of this list</source>
        <translation>Actividad de esta lista</translation>
    </message>
    <message>
        <source>Take this change back</source>
        <translation>Revertir este cambio</translation>
    </message>
    <message>
        <source>Take back: %1</source>
        <translation>Revertir: %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Name, e.g. Groceries</source>
        <translation>Nombre, p. ej. Compra</translation>
    </message>
    <message>
        <source>Name of the new list</source>
        <translation>Nombre de la nueva lista</translation>
    </message>
    <message>
        <source>Shopping list: quantities, grouped by category</source>
        <translation>Lista de la compra: cantidades, agrupadas por categoría</translation>
    </message>
    <message>
        <source>Tasks: who does it, and by when</source>
        <translation>Tareas: quién las hace y para cuándo</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n to do</source>
        <comment>a task list and how many tasks are open</comment>
        <translation>
            <numerusform>%1, %n pendiente</numerusform>
            <numerusform>%1, %n pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Make a new list</source>
        <translation>Crear una lista nueva</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Invitar</translation>
    </message>
    <message>
        <source>Show the lists</source>
        <translation>Mostrar las listas</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Find on this list (Ctrl+F)</source>
        <translation>Buscar en esta lista (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find on this list</source>
        <translation>Buscar en esta lista</translation>
    </message>
    <message>
        <source>Who did what (Esc closes)</source>
        <translation>Quién hizo qué (Esc cierra)</translation>
    </message>
    <message>
        <source>Never mind (Esc)</source>
        <translation>Da igual (Esc)</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Enter the password of %1 to send your changes and get the family&apos;s.</source>
        <translation>Escribe la contraseña de %1 para enviar tus cambios y recibir los de la familia.</translation>
    </message>
    <message>
        <source>Not signed in and the server is not answering. You can read and change your lists; Kinlist asks for your password when the server is back.</source>
        <translation>Sin sesión y el servidor no responde. Puedes leer y cambiar tus listas; Kinlist te pedirá la contraseña cuando el servidor vuelva.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Not signed in on this computer. Your changes are kept here and sent once you sign in.</source>
        <translation>No has iniciado sesión en este ordenador. Tus cambios se guardan aquí y se envían cuando inicies sesión.</translation>
    </message>
    <message>
        <source>Type the first item, then name its list</source>
        <translation>Escribe el primer elemento y luego pon nombre a su lista</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Se repite</translation>
    </message>
    <message>
        <source>Alt+Up and Alt+Down move it, the Menu key opens its menu</source>
        <translation>Alt+Arriba y Alt+Abajo la mueven, la tecla Menú abre su menú</translation>
    </message>
    <message>
        <source>Drag to move %1 (or Alt+Up and Alt+Down)</source>
        <translation>Arrastra para mover %1 (o Alt+Arriba y Alt+Abajo)</translation>
    </message>
    <message>
        <source>Archived (%1)</source>
        <translation>Archivadas (%1)</translation>
    </message>
    <message>
        <source>Hide the archived lists</source>
        <translation>Ocultar las listas archivadas</translation>
    </message>
    <message>
        <source>Show the archived lists</source>
        <translation>Mostrar las listas archivadas</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archivada)</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Desarchivar</translation>
    </message>
    <message>
        <source>Archived: take it out</source>
        <translation>Archivada: sacarla</translation>
    </message>
    <message>
        <source>This list is archived. Take it out of the archive</source>
        <translation>Esta lista está archivada. Sacarla del archivo</translation>
    </message>
    <message>
        <source>List menu</source>
        <translation>Menú de la lista</translation>
    </message>
    <message>
        <source>Rename, colour, archive or delete this list</source>
        <translation>Cambiar nombre, color, archivar o eliminar esta lista</translation>
    </message>
    <message>
        <source>Menu of this list</source>
        <translation>Menú de esta lista</translation>
    </message>
    <message>
        <source>Clear done items</source>
        <translation>Quitar los hechos</translation>
    </message>
    <message>
        <source>Take the done items off the list (Undo brings them back)</source>
        <translation>Quitar de la lista los elementos hechos (Deshacer los recupera)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message numerus="yes">
        <source>Today, %n due</source>
        <translation>
            <numerusform>Hoy, %n pendiente</numerusform>
            <numerusform>Hoy, %n pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>What is due across all lists (Ctrl+T)</source>
        <translation>Lo pendiente en todas las listas (Ctrl+T)</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>Solo las mías</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Sin recordatorio</translation>
    </message>
    <message>
        <source>At the time</source>
        <translation>A la hora</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>15 minutos antes</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>1 hora antes</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>1 día antes</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>All day, or e.g. %1</source>
        <extracomment>The time field of a task&apos;s details; %1 is an example time.</extracomment>
        <translation>Todo el día, o p. ej. %1</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>Recordarme</translation>
    </message>
    <message>
        <source>Needs a time</source>
        <translation>Necesita una hora</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minuto antes</numerusform>
            <numerusform>%n minutos antes</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
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
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <source>Enter the PIN</source>
        <translation>Escribe el PIN</translation>
    </message>
    <message>
        <source>Delete a digit</source>
        <translation>Borrar un dígito</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n dígito introducido</numerusform>
            <numerusform>%n dígitos introducidos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Cada día</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Cada semana</translation>
    </message>
    <message>
        <source>Every 2 weeks</source>
        <translation>Cada 2 semanas</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Cada mes</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Cada año</translation>
    </message>
    <message>
        <source>Custom…</source>
        <extracomment>A repeat rule of the task&apos;s own: every N days, weeks on chosen days, ...</extracomment>
        <translation>Personalizado…</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <extracomment>Repeat every N days (the word after the number).</extracomment>
        <translation>
            <numerusform>día</numerusform>
            <numerusform>días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>semana</numerusform>
            <numerusform>semanas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>mes</numerusform>
            <numerusform>meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>año</numerusform>
            <numerusform>años</numerusform>
        </translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Se repite</translation>
    </message>
    <message>
        <source>Every</source>
        <extracomment>Before the number of a custom repeat: &quot;Every [2] [weeks]&quot;.</extracomment>
        <translation>Cada</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>Repetir cada</translation>
    </message>
    <message>
        <source>Repeat unit</source>
        <translation>Unidad de repetición</translation>
    </message>
    <message>
        <source>Take turns</source>
        <translation>Por turnos</translation>
    </message>
    <message>
        <source>If done late, count from that day</source>
        <translation>Si se hace tarde, contar desde ese día</translation>
    </message>
    <message>
        <source>On</source>
        <extracomment>Before the day of a custom monthly repeat: &quot;On day [15]&quot;.</extracomment>
        <translation>El</translation>
    </message>
    <message>
        <source>On day</source>
        <translation>El día</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>Día del mes</translation>
    </message>
    <message>
        <source>In shorter months, on their last day.</source>
        <translation>En los meses más cortos, el último día.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2.</source>
        <translation>Sesión iniciada como %1 en %2.</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>Miembros de %1</translation>
    </message>
    <message>
        <source>%1 (owner)</source>
        <translation>%1 (propietario)</translation>
    </message>
    <message>
        <source>%1 (kitchen tablet)</source>
        <translation>%1 (tableta de la cocina)</translation>
    </message>
    <message>
        <source>Unpair</source>
        <translation>Desvincular</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove %1 from the household</source>
        <translation>Quitar a %1 del hogar</translation>
    </message>
    <message>
        <source>Invite someone</source>
        <translation>Invitar a alguien</translation>
    </message>
    <message>
        <source>Kitchen tablet</source>
        <translation>Tableta de la cocina</translation>
    </message>
    <message>
        <source>A tablet on the wall shows the lists to everyone, full screen. Start Kinlist there with --kiosk (or choose kiosk mode below) and enter a pairing code.</source>
        <translation>Una tableta en la pared muestra las listas a todos, a pantalla completa. Inicia Kinlist en ella con --kiosk (o elige el modo quiosco más abajo) y escribe un código de vinculación.</translation>
    </message>
    <message>
        <source>Make a pairing code</source>
        <translation>Generar un código de vinculación</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, valid once until %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, válido para un solo uso hasta las %2</translation>
    </message>
    <message>
        <source>Use this computer as the kitchen kiosk…</source>
        <translation>Usar este equipo como quiosco de la cocina…</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>¿Quitar a %1?</translation>
    </message>
    <message>
        <source>The tablet stops showing the household&apos;s lists at once and needs a new pairing code.</source>
        <translation>La tableta dejará de mostrar las listas del hogar de inmediato y necesitará un nuevo código de vinculación.</translation>
    </message>
    <message>
        <source>They no longer see the household&apos;s lists. An owner can invite them again.</source>
        <translation>Dejará de ver las listas del hogar. Un propietario puede enviarle otra invitación.</translation>
    </message>
    <message>
        <source>Use this computer as the kiosk?</source>
        <translation>¿Usar este equipo como quiosco?</translation>
    </message>
    <message>
        <source>Kinlist restarts full screen and asks for a pairing code and a PIN. Leaving kiosk mode then needs that PIN; your own sign-in stays on this computer.</source>
        <translation>Kinlist se reiniciará a pantalla completa y te pedirá un código de vinculación y un PIN. Después, para salir del modo quiosco hará falta ese PIN; tu propia sesión se conserva en este equipo.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Tell me when others change our lists</source>
        <translation>Avisarme cuando otros cambien nuestras listas</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Where no keychain is available, remember my sign-in in a file only my user can read</source>
        <translation>Si no hay llavero disponible, recordar mi sesión en un archivo que solo mi usuario puede leer</translation>
    </message>
    <message>
        <source>Sign out of this device</source>
        <translation>Cerrar sesión en este dispositivo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Restart as kiosk</source>
        <translation>Reiniciar como quiosco</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Keep Kinlist in the tray when I close the window, for reminders and news</source>
        <translation>Mantener Kinlist en la bandeja al cerrar la ventana, para recordatorios y novedades</translation>
    </message>
    <message>
        <source>Start Kinlist in the tray when I log in</source>
        <translation>Iniciar Kinlist en la bandeja al iniciar sesión</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Create your Kinlist account</source>
        <translation>Crea tu cuenta de Kinlist</translation>
    </message>
    <message>
        <source>Welcome to Kinlist</source>
        <translation>Te damos la bienvenida a Kinlist</translation>
    </message>
    <message>
        <source>Shared lists for the whole family, on every device, live.</source>
        <translation>Listas compartidas para toda la familia, en todos tus dispositivos y en tiempo real.</translation>
    </message>
    <message>
        <source>Server address, e.g. kitchen-pc:8477</source>
        <translation>Dirección del servidor, p. ej., kitchen-pc:8477</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Your name, as the family sees it</source>
        <translation>Tu nombre, tal como lo verá la familia</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Password (at least 8 characters)</source>
        <translation>Contraseña (mínimo 8 caracteres)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Un momento…</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>Ya tengo una cuenta</translation>
    </message>
    <message>
        <source>New here? Create an account</source>
        <translation>¿Primera vez aquí? Crea una cuenta</translation>
    </message>
    <message>
        <source>Keep me signed in on this computer</source>
        <translation>Mantener la sesión iniciada en este ordenador</translation>
    </message>
    <message>
        <source>This computer has no keychain, so the sign-in would be kept in a file only your user can read. Otherwise Kinlist asks for your password after each start.</source>
        <translation>Este ordenador no tiene llavero, así que la sesión se guardaría en un archivo que solo tu usuario puede leer. Si no, Kinlist te pedirá la contraseña en cada inicio.</translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Conexión: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <comment>changes not yet sent to the server</comment>
        <translation>
            <numerusform>%n pendiente</numerusform>
            <numerusform>%n pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>Retry connecting now</source>
        <translation>Volver a intentar la conexión ahora</translation>
    </message>
</context>
<context>
    <name>Toasts</name>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <extracomment>Above the newest toast: the older ones, folded away.</extracomment>
        <translation>
            <numerusform>%n más</numerusform>
            <numerusform>%n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the other messages</source>
        <translation>Mostrar los demás avisos</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Due today and soon</source>
        <translation>Para hoy y pronto</translation>
    </message>
    <message>
        <source>%1, %2. Space completes it, Enter opens %2</source>
        <translation>%1, %2. Espacio la completa, Intro abre %2</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Hecha: %1</translation>
    </message>
    <message>
        <source>Nothing due for you this week.</source>
        <translation>Nada pendiente para ti esta semana.</translation>
    </message>
    <message>
        <source>Nothing due this week. Tasks with a date show up here.</source>
        <translation>Nada pendiente esta semana. Las tareas con fecha aparecen aquí.</translation>
    </message>
</context>
<context>
    <name>kinlist::client::AuthClient</name>
    <message>
        <source>That email address and password do not match an account.</source>
        <translation>Ese correo electrónico y esa contraseña no coinciden con ninguna cuenta.</translation>
    </message>
    <message>
        <source>There is already an account with this email address. Sign in instead.</source>
        <translation>Ya existe una cuenta con este correo electrónico. Inicia sesión con ella.</translation>
    </message>
    <message>
        <source>That pairing code is not valid. It may have expired or been used already; make a new one in Settings on a family computer.</source>
        <translation>Ese código de vinculación no es válido. Puede que haya expirado o que ya se haya usado; genera uno nuevo en Configuración, en un equipo de la familia.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation>Demasiados intentos. Espera un minuto y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>This server needs a newer Kinlist. Please update the app.</source>
        <translation>Este servidor necesita una versión más reciente de Kinlist. Actualiza la aplicación.</translation>
    </message>
    <message>
        <source>Please check what you typed: %1</source>
        <translation>Revisa los datos: %1</translation>
    </message>
    <message>
        <source>The server could not sign you in (%1).</source>
        <translation>El servidor no pudo iniciar tu sesión (%1).</translation>
    </message>
    <message>
        <source>The server at %1 did not answer. Check the address and that it is running.</source>
        <translation>El servidor en %1 no respondió. Comprueba la dirección y que el servidor esté en marcha.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and your network.</source>
        <translation>No se puede conectar con el servidor en %1. Comprueba la dirección y tu red.</translation>
    </message>
    <message>
        <source>That does not look like a server address (for example kitchen-pc:8477).</source>
        <translation>Eso no parece una dirección de servidor (por ejemplo, kitchen-pc:8477).</translation>
    </message>
</context>
<context>
    <name>kinlist::client::CredentialStore</name>
    <message>
        <source>Your sign-in is kept in the system keychain.</source>
        <translation>Tu sesión se guarda en el llavero del sistema.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer. Your sign-in is kept in a file only your user account can read, as you chose.</source>
        <translation>No hay ningún llavero disponible en este equipo. Tal como elegiste, tu sesión se guarda en un archivo que solo tu cuenta de usuario puede leer.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer, and the sign-in file could not be written. You will have to sign in again after Kinlist restarts.</source>
        <translation>No hay ningún llavero disponible en este equipo y no se pudo escribir el archivo de sesión. Tendrás que volver a iniciar sesión cuando Kinlist se reinicie.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer. Your sign-in is kept only until Kinlist closes; you can allow keeping it in a private file in Settings.</source>
        <translation>No hay ningún llavero disponible en este equipo. Tu sesión solo se conserva hasta que se cierre Kinlist; en Configuración puedes permitir que se guarde en un archivo privado.</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ActivityModel</name>
    <message>
        <source>%1 in %2</source>
        <extracomment>An activity entry of the household-wide feed: &quot;Dad checked off Milk&quot; in &quot;Groceries&quot;</extracomment>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Alguien</translation>
    </message>
    <message>
        <source>%1 created the list %2</source>
        <translation>%1 creó la lista %2</translation>
    </message>
    <message>
        <source>%1 created the list</source>
        <translation>%1 creó la lista</translation>
    </message>
    <message>
        <source>%1 renamed the list to %2</source>
        <translation>%1 cambió el nombre de la lista a %2</translation>
    </message>
    <message>
        <source>%1 changed the list</source>
        <translation>%1 modificó la lista</translation>
    </message>
    <message>
        <source>%1 deleted the list</source>
        <translation>%1 eliminó la lista</translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <translation>%1 agregó %2</translation>
    </message>
    <message>
        <source>%1 removed %2</source>
        <translation>%1 quitó %2</translation>
    </message>
    <message>
        <source>%1 moved %2</source>
        <translation>%1 movió %2</translation>
    </message>
    <message>
        <source>%1 checked off %2</source>
        <translation>%1 tachó %2</translation>
    </message>
    <message>
        <source>%1 put %2 back on the list</source>
        <translation>%1 volvió a poner %2 en la lista</translation>
    </message>
    <message>
        <source>%1 renamed an item to %2</source>
        <translation>%1 cambió el nombre de un artículo a %2</translation>
    </message>
    <message>
        <source>%1 changed %2</source>
        <translation>%1 modificó %2</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>%1 (on %2)</source>
        <extracomment>A change the kitchen tablet made for someone: the sentence, then the tablet&apos;s name (&quot;Dad checked off Milk (on Kitchen tablet)&quot;).</extracomment>
        <translation>%1 (desde %2)</translation>
    </message>
    <message>
        <source>%1 did %2, %3</source>
        <extracomment>A repeating task done: &quot;Dad did Take out bins, 06/12/2026&quot; (the occurrence&apos;s date).</extracomment>
        <translation>%1 hizo %2, %3</translation>
    </message>
    <message>
        <source>%1 deleted the list %2</source>
        <translation>%1 eliminó la lista %2</translation>
    </message>
    <message>
        <source>%1 brought back the list %2</source>
        <translation>%1 recuperó la lista %2</translation>
    </message>
    <message>
        <source>%1 brought back the list</source>
        <translation>%1 recuperó la lista</translation>
    </message>
    <message>
        <source>%1 archived the list %2</source>
        <translation>%1 archivó la lista %2</translation>
    </message>
    <message>
        <source>%1 archived the list</source>
        <translation>%1 archivó la lista</translation>
    </message>
    <message>
        <source>%1 took the list %2 out of the archive</source>
        <translation>%1 sacó la lista %2 del archivo</translation>
    </message>
    <message>
        <source>%1 took the list out of the archive</source>
        <translation>%1 sacó la lista del archivo</translation>
    </message>
    <message>
        <source>%1 gave the list %2 another colour</source>
        <translation>%1 cambió el color de la lista %2</translation>
    </message>
    <message>
        <source>%1 gave the list another colour</source>
        <translation>%1 cambió el color de la lista</translation>
    </message>
    <message>
        <source>%1 moved the list %2</source>
        <translation>%1 movió la lista %2</translation>
    </message>
    <message>
        <source>%1 moved the list</source>
        <translation>%1 movió la lista</translation>
    </message>
    <message>
        <source>%1 changed the list %2</source>
        <translation>%1 cambió la lista %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Alerts</name>
    <message>
        <source>today at %1</source>
        <extracomment>When a task is due: &quot;today at 19:00&quot;.</extracomment>
        <translation>hoy a las %1</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>mañana a las %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 a las %2</translation>
    </message>
    <message>
        <source>Due %1 · %2</source>
        <extracomment>A reminder&apos;s second line: &quot;Due today at 19:00 · Chores&quot;.</extracomment>
        <translation>Vence %1 · %2</translation>
    </message>
    <message>
        <source>Reminder: %1, %2</source>
        <translation>Recordatorio: %1, %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::AppSettings</name>
    <message>
        <source>Kinlist could not remove %1.</source>
        <translation>Kinlist no pudo eliminar %1.</translation>
    </message>
    <message>
        <source>Your family&apos;s lists, in the tray from login</source>
        <translation>Las listas de tu familia, en la bandeja desde el inicio de sesión</translation>
    </message>
    <message>
        <source>Kinlist could not write %1: %2</source>
        <translation>Kinlist no pudo escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ConnectionStatus</name>
    <message>
        <source>Live</source>
        <extracomment>The connection status: connected, changes arrive as they happen.</extracomment>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Sincronizando</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Connected. Changes appear on every device at once.</source>
        <translation>Conectado. Los cambios aparecen al instante en todos los dispositivos.</translation>
    </message>
    <message>
        <source>Connected, catching up.</source>
        <translation>Conectado, poniéndose al día.</translation>
    </message>
    <message>
        <source>Connecting to the server.</source>
        <translation>Conectando con el servidor.</translation>
    </message>
    <message>
        <source>Not connected (%1). Your changes are kept on this device and sent when the connection is back.</source>
        <translation>Sin conexión (%1). Tus cambios se guardan en este dispositivo y se enviarán cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>Signed out. Sign in again to send your changes.</source>
        <translation>Sesión cerrada. Vuelve a iniciar sesión para enviar tus cambios.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n cambio pendiente de envío.</numerusform>
            <numerusform>%n cambios pendientes de envío.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n second(s).</source>
        <translation>
            <numerusform>Próximo intento en %n segundo.</numerusform>
            <numerusform>Próximo intento en %n segundos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Households</name>
    <message>
        <source>You are offline. This needs a connection to the server.</source>
        <translation>No tienes conexión. Para esto hace falta conectarse al servidor.</translation>
    </message>
    <message>
        <source>That invite code is not valid. It may have expired or been used up; ask for a new one.</source>
        <translation>Ese código de invitación no es válido. Puede que haya expirado o que ya se haya agotado; pide uno nuevo.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Wait a minute and try again.</source>
        <translation>Demasiados códigos incorrectos. Espera un minuto y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The server could not do this (%1). Please try again.</source>
        <translation>El servidor no pudo hacerlo (%1). Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Give your household a name.</source>
        <translation>Ponle un nombre a tu hogar.</translation>
    </message>
    <message>
        <source>Enter the invite code you were given.</source>
        <translation>Escribe el código de invitación que te dieron.</translation>
    </message>
    <message>
        <source>You are offline. Making an invite code needs a connection.</source>
        <translation>No tienes conexión. Para generar un código de invitación hace falta conexión.</translation>
    </message>
    <message>
        <source>Only an owner of the household can invite people.</source>
        <translation>Solo un propietario del hogar puede invitar a otras personas.</translation>
    </message>
    <message>
        <source>The server could not make an invite code (%1). Please try again.</source>
        <translation>El servidor no pudo generar un código de invitación (%1). Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>You are offline. Removing someone needs a connection.</source>
        <translation>No tienes conexión. Para quitar a alguien hace falta conexión.</translation>
    </message>
    <message>
        <source>Only an owner of the household can remove someone.</source>
        <translation>Solo un propietario del hogar puede quitar a alguien.</translation>
    </message>
    <message>
        <source>The server could not remove them (%1).</source>
        <translation>El servidor no pudo quitar a ese miembro (%1).</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ItemsModel</name>
    <message>
        <source>done</source>
        <extracomment>A conflict: the value another person gave a field (&quot;Mum set done, you set not done&quot;). &quot;done&quot;: the item is checked off.</extracomment>
        <translation>hecho</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>nothing</source>
        <extracomment>A conflict: the field was cleared (&quot;Mum set nothing, you set 3&quot;).</extracomment>
        <translation>nada</translation>
    </message>
    <message>
        <source>%1 set %2, you set %3</source>
        <extracomment>A change of this device lost to someone else&apos;s: who, their value, this device&apos;s.</extracomment>
        <translation>%1 puso «%2» y tú, «%3»</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Alguien</translation>
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
            <numerusform>cada %n día</numerusform>
            <numerusform>cada %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>every %1</source>
        <extracomment>A weekly task: &quot;every Sat&quot;, &quot;every Mon and Thu&quot;.</extracomment>
        <translation>cada %1</translation>
    </message>
    <message numerus="yes">
        <source>every %n week(s) on %1</source>
        <extracomment>A task every few weeks: &quot;every 2 weeks on Mon and Thu&quot;.</extracomment>
        <translation>
            <numerusform>cada %n semana el %1</numerusform>
            <numerusform>cada %n semanas el %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n month(s) on day %1</source>
        <translation>
            <numerusform>cada %n mes el día %1</numerusform>
            <numerusform>cada %n meses el día %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n year(s) on %1 %2</source>
        <translation>
            <numerusform>cada %n año el %1 de %2</numerusform>
            <numerusform>cada %n años el %1 de %2</numerusform>
        </translation>
    </message>
    <message>
        <source>every day</source>
        <extracomment>How often a task repeats: &quot;every 3 days&quot;.</extracomment>
        <translation>cada día</translation>
    </message>
    <message>
        <source>every month on day %1</source>
        <extracomment>A monthly task: &quot;every month on day 31&quot; (the month&apos;s last day when shorter).</extracomment>
        <translation>cada mes el día %1</translation>
    </message>
    <message>
        <source>every year on %1 %2</source>
        <extracomment>A yearly task: &quot;every year on 6 December&quot; (%1 the day, %2 the month&apos;s name).</extracomment>
        <translation>cada año el %1 de %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Kiosk</name>
    <message>
        <source>This tablet was unpaired from the household. Pair it again with a new code from Settings on a family computer.</source>
        <translation>Esta tableta se desvinculó del hogar. Vuelve a vincularla con un código nuevo desde Configuración en un equipo de la familia.</translation>
    </message>
    <message>
        <source>You are offline. Pairing a tablet needs a connection.</source>
        <translation>No tienes conexión. Para vincular una tableta hace falta conexión.</translation>
    </message>
    <message>
        <source>Only an owner of the household can pair a kitchen tablet.</source>
        <translation>Solo un propietario del hogar puede vincular una tableta de la cocina.</translation>
    </message>
    <message>
        <source>The server could not make a pairing code (%1). Please try again.</source>
        <translation>El servidor no pudo generar un código de vinculación (%1). Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Enter the pairing code from Settings on a family computer, and a name for this tablet.</source>
        <translation>Escribe el código de vinculación que aparece en Configuración en un equipo de la familia y un nombre para esta tableta.</translation>
    </message>
    <message>
        <source>Choose a PIN of 4 to 8 digits. It is needed to leave kiosk mode.</source>
        <translation>Elige un PIN de 4 a 8 dígitos. Lo necesitarás para salir del modo quiosco.</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>Los dos PIN no coinciden. Escribe el mismo PIN dos veces.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Demasiados PIN incorrectos. Vuelve a intentarlo en %n segundo.</numerusform>
            <numerusform>Demasiados PIN incorrectos. Vuelve a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>That is not the PIN.</source>
        <translation>Ese no es el PIN.</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ListEditor</name>
    <message>
        <source>just now</source>
        <translation>justo ahora</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>hace %n minuto</numerusform>
            <numerusform>hace %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>hace %n hora</numerusform>
            <numerusform>hace %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is already on the list.</source>
        <translation>%1 ya está en la lista.</translation>
    </message>
    <message>
        <source>%1 is already on the list (added by %2, %3).</source>
        <translation>%1 ya está en la lista (lo agregó %2, %3).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Undo bar after &quot;Add 1 more&quot;: the item and its new quantity, e.g. &quot;Milk: 3&quot;, &quot;Milk: 3 l&quot;.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 checked off</source>
        <translation>Se tachó %1</translation>
    </message>
    <message>
        <source>%1 back on the list</source>
        <translation>%1 vuelve a estar en la lista</translation>
    </message>
    <message>
        <source>%1 renamed</source>
        <translation>Se cambió el nombre de %1</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>Se modificó %1</translation>
    </message>
    <message>
        <source>%1 moved to Other</source>
        <translation>%1 movido a Otros</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>%1 movido a %2</translation>
    </message>
    <message>
        <source>%1 moved</source>
        <translation>Se movió %1</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>Se eliminó %1</translation>
    </message>
    <message>
        <source>Could not keep your change: %1</source>
        <translation>No se pudo mantener tu cambio: %1</translation>
    </message>
    <message>
        <source>%1 done, next %2</source>
        <extracomment>Undo bar after completing a repeating task: &quot;Take out bins done, next Sat 12 Dec&quot;.</extracomment>
        <translation>%1 hecho, la próxima vez %2</translation>
    </message>
    <message>
        <source>Colour of %1 changed</source>
        <translation>Color de %1 cambiado</translation>
    </message>
    <message>
        <source>%1 unarchived</source>
        <translation>%1 desarchivada</translation>
    </message>
    <message>
        <source>%1 archived</source>
        <translation>%1 archivada</translation>
    </message>
    <message numerus="yes">
        <source>%n done item(s) cleared</source>
        <extracomment>Undo bar after &quot;Clear done items&quot;.</extracomment>
        <translation>
            <numerusform>%n elemento hecho quitado</numerusform>
            <numerusform>%n elementos hechos quitados</numerusform>
        </translation>
    </message>
    <message>
        <source>Order of categories changed</source>
        <translation>Orden de las categorías cambiado</translation>
    </message>
    <message>
        <source>Add %1 more</source>
        <extracomment>The button on &quot;Milk is already on the list&quot;: &quot;Add 1 more&quot;, &quot;Add 2 l more&quot;.</extracomment>
        <translation>Añadir %1 más</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ScreenKeeper</name>
    <message>
        <source>This desktop offers no way for Kinlist to keep the screen on. Turn the screen saver and power saving off in its settings.</source>
        <translation>Este escritorio no permite que Kinlist mantenga la pantalla encendida. Desactiva el protector de pantalla y el ahorro de energía en su configuración.</translation>
    </message>
    <message>
        <source>The kitchen kiosk is showing the family&apos;s lists</source>
        <translation>El quiosco de la cocina está mostrando las listas de la familia</translation>
    </message>
    <message>
        <source>The screen saver did not agree to stay off (%1).</source>
        <translation>El protector de pantalla no aceptó permanecer desactivado (%1).</translation>
    </message>
    <message>
        <source>The screen stays on while the kiosk runs.</source>
        <translation>La pantalla permanece encendida mientras el quiosco esté en marcha.</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Session</name>
    <message>
        <source>Kinlist is already open for this account on this computer. Use that window, or close it first.</source>
        <translation>Kinlist ya está abierto con esta cuenta en este equipo. Usa esa ventana o ciérrala primero.</translation>
    </message>
    <message>
        <source>Kinlist cannot open its data on this computer: %1</source>
        <translation>Kinlist no puede abrir sus datos en este equipo: %1</translation>
    </message>
    <message>
        <source>A change was refused: you are no longer a member of that household.</source>
        <translation>Se rechazó un cambio: ya no eres miembro de ese hogar.</translation>
    </message>
    <message>
        <source>A change was refused: the item or list no longer exists.</source>
        <translation>Se rechazó un cambio: el artículo o la lista ya no existe.</translation>
    </message>
    <message>
        <source>A change could not be saved (%1).</source>
        <translation>No se pudo guardar un cambio (%1).</translation>
    </message>
    <message>
        <source>Kinlist could not save this change on this computer: %1</source>
        <translation>Kinlist no pudo guardar este cambio en este equipo: %1</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ToastQueue</name>
    <message>
        <source>Someone</source>
        <translation>Alguien</translation>
    </message>
    <message>
        <source>%1 added %2 to %3</source>
        <translation>%1 agregó %2 a %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 added %n item(s) to %2</source>
        <translation>
            <numerusform>%1 agregó %n artículo a %2</numerusform>
            <numerusform>%1 agregó %n artículos a %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 checked off %2</source>
        <translation>%1 tachó %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 checked off %n item(s) on %2</source>
        <translation>
            <numerusform>%1 tachó %n artículo en %2</numerusform>
            <numerusform>%1 tachó %n artículos en %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 put %2 back on %3</source>
        <translation>%1 volvió a poner %2 en %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 put %n item(s) back on %2</source>
        <translation>
            <numerusform>%1 volvió a poner %n artículo en %2</numerusform>
            <numerusform>%1 volvió a poner %n artículos en %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 removed %2 from %3</source>
        <translation>%1 quitó %2 de %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 removed %n item(s) from %2</source>
        <translation>
            <numerusform>%1 quitó %n artículo de %2</numerusform>
            <numerusform>%1 quitó %n artículos de %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed %2 on %3</source>
        <translation>%1 modificó %2 en %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 changed %n item(s) on %2</source>
        <translation>
            <numerusform>%1 modificó %n artículo en %2</numerusform>
            <numerusform>%1 modificó %n artículos en %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 did %2</source>
        <extracomment>Someone did a repeating task: &quot;Dad did Take out bins&quot;.</extracomment>
        <translation>%1 hizo %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 did %n task(s) on %2</source>
        <translation>
            <numerusform>%1 hizo %n tarea en %2</numerusform>
            <numerusform>%1 hizo %n tareas en %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 renamed a list to %2</source>
        <translation>%1 cambió el nombre de una lista a %2</translation>
    </message>
    <message>
        <source>%1 archived the list %2</source>
        <translation>%1 archivó la lista %2</translation>
    </message>
    <message>
        <source>%1 took the list %2 out of the archive</source>
        <translation>%1 sacó la lista %2 del archivo</translation>
    </message>
    <message>
        <source>%1 deleted the list %2</source>
        <translation>%1 eliminó la lista %2</translation>
    </message>
    <message>
        <source>%1 brought back the list %2</source>
        <translation>%1 recuperó la lista %2</translation>
    </message>
</context>
<context>
    <name>kinlist::ui::TodayModel</name>
    <message>
        <source>Someone</source>
        <translation>Alguien</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <extracomment>A task that was due on an earlier day: &quot;Overdue since 01/12/2026&quot;.</extracomment>
        <translation>Vencida desde el %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
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
        <translation>Abrir Kinlist</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Kinlist: %1</source>
        <translation>Kinlist: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n cambio pendiente de enviar</numerusform>
            <numerusform>%n cambios pendientes de enviar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::UserAccount</name>
    <message>
        <source>This tablet&apos;s pairing was not kept. Pair it again with a new code from Settings on a family computer.</source>
        <translation>No se guardó el emparejamiento de esta tableta. Vuelve a emparejarla con un código nuevo desde Ajustes en un ordenador de la familia.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again; your changes are kept.</source>
        <translation>Tu sesión ha terminado. Vuelve a iniciar sesión; tus cambios se conservan.</translation>
    </message>
    <message>
        <source>Enter your email address and password.</source>
        <translation>Escribe tu correo electrónico y tu contraseña.</translation>
    </message>
    <message>
        <source>Enter your name and email address.</source>
        <translation>Escribe tu nombre y tu correo electrónico.</translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation>Elige una contraseña de al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Escribe tu contraseña.</translation>
    </message>
</context>
<context>
    <name>listcolors</name>
    <message>
        <source>Red</source>
        <translation>Rojo</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Naranja</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Amarillo</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Verde</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Verde azulado</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Azul</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Morado</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Rosa</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>Marrón</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Gris</translation>
    </message>
    <message>
        <source>No colour</source>
        <translation>Sin color</translation>
    </message>
</context>
</TS>

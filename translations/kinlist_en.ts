<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChangedByLabel</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CleaningOverlay</name>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>%n second left</numerusform>
            <numerusform>%n seconds left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message numerus="yes">
        <source>Reminder %n minute(s) before</source>
        <translation>
            <numerusform>Reminder %n minute before</numerusform>
            <numerusform>Reminder %n minutes before</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskTile</name>
    <message numerus="yes">
        <source>%n to do</source>
        <translation>
            <numerusform>%n to do</numerusform>
            <numerusform>%n to do</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to get</source>
        <translation>
            <numerusform>%n to get</numerusform>
            <numerusform>%n to get</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message numerus="yes">
        <source>Its %n item(s) go with it, for everyone in the household.</source>
        <translation>
            <numerusform>Its %n item goes with it, for everyone in the household.</numerusform>
            <numerusform>Its %n items go with it, for everyone in the household.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message numerus="yes">
        <source>%1, %n open</source>
        <comment>a list and how many items are not done</comment>
        <translation>
            <numerusform>%1, %n open</numerusform>
            <numerusform>%1, %n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n done item(s)</source>
        <translation>
            <numerusform>Show %n done item</numerusform>
            <numerusform>Show %n done items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n to do</source>
        <comment>a task list and how many tasks are open</comment>
        <translation>
            <numerusform>%1, %n to do</numerusform>
            <numerusform>%1, %n to do</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today, %n due</source>
        <translation>
            <numerusform>Today, %n due</numerusform>
            <numerusform>Today, %n due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minute before</numerusform>
            <numerusform>%n minutes before</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n digit entered</numerusform>
            <numerusform>%n digits entered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message numerus="yes">
        <source>day(s)</source>
        <extracomment>Repeat every N days (the word after the number).</extracomment>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>week</numerusform>
            <numerusform>weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>month</numerusform>
            <numerusform>months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>year</numerusform>
            <numerusform>years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message numerus="yes">
        <source>%n waiting</source>
        <comment>changes not yet sent to the server</comment>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Toasts</name>
    <message numerus="yes">
        <source>%n more</source>
        <extracomment>Above the newest toast: the older ones, folded away.</extracomment>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ConnectionStatus</name>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n change waiting to be sent.</numerusform>
            <numerusform>%n changes waiting to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n second(s).</source>
        <translation>
            <numerusform>Next try in %n second.</numerusform>
            <numerusform>Next try in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ItemsModel</name>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>every %n day</numerusform>
            <numerusform>every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n week(s) on %1</source>
        <extracomment>A task every few weeks: &quot;every 2 weeks on Mon and Thu&quot;.</extracomment>
        <translation>
            <numerusform>every %n week on %1</numerusform>
            <numerusform>every %n weeks on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n month(s) on day %1</source>
        <translation>
            <numerusform>every %n month on day %1</numerusform>
            <numerusform>every %n months on day %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n year(s) on %1 %2</source>
        <translation>
            <numerusform>every %n year on %1 %2</numerusform>
            <numerusform>every %n years on %1 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Kiosk</name>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ListEditor</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done item(s) cleared</source>
        <extracomment>Undo bar after &quot;Clear done items&quot;.</extracomment>
        <translation>
            <numerusform>%n done item cleared</numerusform>
            <numerusform>%n done items cleared</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::ToastQueue</name>
    <message numerus="yes">
        <source>%1 added %n item(s) to %2</source>
        <translation>
            <numerusform>%1 added %n item to %2</numerusform>
            <numerusform>%1 added %n items to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 checked off %n item(s) on %2</source>
        <translation>
            <numerusform>%1 checked off %n item on %2</numerusform>
            <numerusform>%1 checked off %n items on %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 put %n item(s) back on %2</source>
        <translation>
            <numerusform>%1 put %n item back on %2</numerusform>
            <numerusform>%1 put %n items back on %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 removed %n item(s) from %2</source>
        <translation>
            <numerusform>%1 removed %n item from %2</numerusform>
            <numerusform>%1 removed %n items from %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 changed %n item(s) on %2</source>
        <translation>
            <numerusform>%1 changed %n item on %2</numerusform>
            <numerusform>%1 changed %n items on %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 did %n task(s) on %2</source>
        <translation>
            <numerusform>%1 did %n task on %2</numerusform>
            <numerusform>%1 did %n tasks on %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kinlist::ui::Tray</name>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
</context>
</TS>

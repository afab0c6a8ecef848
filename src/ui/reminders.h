#pragma once

#include "client/syncclient.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace kinlist::ui {

// The reminders of tasks with a due time (the item field "reminder": minutes before it).
// Read from this device's replica, so they go off offline too; for the tasks of this
// device's person and the tasks of nobody (a kitchen tablet: everyone's); each once per
// task and due time, remembered on disk, so a restart never repeats one. A reminder whose
// time passed while Kinlist was not running goes off at start if its task is due less
// than kMissedMs ago; an older one is only marked as gone off.
class Reminders : public QObject
{
    Q_OBJECT
public:
    struct Reminder
    {
        QString itemId;
        QString listId;
        QString title;
        QString listName;
        QString due; // the "due" value, as the task has it
        QDateTime at; // the due time
        int minutesBefore = 0;
    };

    static constexpr qint64 kMissedMs = 12 * 3600 * 1000;
    // How often the clock is looked at while a reminder is ahead: a computer that slept
    // past a reminder gives it at most this late.
    static constexpr int kTickMs = 30 * 1000;
    // Reminders remembered this long, then forgotten.
    static constexpr qint64 kKeepMs = qint64(90) * 24 * 3600 * 1000;

    explicit Reminders(QObject *parent = nullptr);

    // The account's sync client (nullptr when none is open).
    void setClient(client::SyncClient *client);
    // Everyone's tasks, not only this person's: a kitchen tablet.
    void setEveryone(bool everyone) { m_everyone = everyone; }
    // When the next reminder goes off (invalid: none ahead).
    QDateTime next() const { return m_upcoming.isEmpty() ? QDateTime() : m_upcoming.first(); }
    // How many times the tasks were looked through since the start (checked()).
    int checks() const { return m_checks; }

Q_SIGNALS:
    void fired(const kinlist::ui::Reminders::Reminder &reminder);
    // The replica was read: `next` is when the next reminder goes off (invalid: none).
    void checked(const QDateTime &next);

private:
    void scheduleCheck();
    void check();
    void arm();

    QPointer<client::SyncClient> m_client;
    bool m_everyone = false;
    QList<QDateTime> m_upcoming; // sorted
    QTimer m_debounce;
    QTimer m_tick;
    int m_checks = 0;
};

} // namespace kinlist::ui

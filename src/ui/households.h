#pragma once

#include "listsmodel.h"
#include "todaymodel.h"

#include <QJsonObject>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace kinlist::ui {

class Session;

// The user's households: which one is shown, its members and its lists; making and
// joining households, inviting people, making lists.
class Households : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the session")
    // Every household of the user: {id, name, role}.
    Q_PROPERTY(QVariantList all READ all NOTIFY householdsChanged)
    Q_PROPERTY(QString currentId READ currentId WRITE setCurrentId NOTIFY currentChanged)
    Q_PROPERTY(QString currentName READ currentName NOTIFY currentChanged)
    // This user's role in the current household: owner, member or kiosk.
    Q_PROPERTY(QString role READ role NOTIFY currentChanged)
    // The current household's members: {userId, displayName, role}.
    Q_PROPERTY(QVariantList members READ members NOTIFY membersChanged)
    // The last invite code made with createInvite(), for someone to join with.
    Q_PROPERTY(QString inviteCode READ inviteCode NOTIFY inviteCodeChanged)
    // The current household's lists, and those of them put away in the archive.
    Q_PROPERTY(kinlist::ui::ListsModel *lists READ lists CONSTANT)
    Q_PROPERTY(kinlist::ui::ListsModel *archivedLists READ archivedLists CONSTANT)
    // What is due across its lists: past, today and the coming week.
    Q_PROPERTY(kinlist::ui::TodayModel *today READ today CONSTANT)
    // The same for today only (and what is overdue): the kiosk's chore chart.
    Q_PROPERTY(kinlist::ui::TodayModel *chart READ chart CONSTANT)
public:
    explicit Households(Session &session);
    ~Households() override;

    QVariantList all() const;
    QString currentId() const { return m_currentId; }
    void setCurrentId(const QString &id);
    QString currentName() const;
    QString role() const;
    QVariantList members() const;
    QString inviteCode() const { return m_inviteCode; }
    ListsModel *lists() { return &m_lists; }
    ListsModel *archivedLists() { return &m_archivedLists; }
    TodayModel *today() { return &m_today; }
    TodayModel *chart() { return &m_chart; }
    // The current household's kitchen tablets.
    int tabletCount() const;

    Q_INVOKABLE void createHousehold(const QString &name);
    Q_INVOKABLE void joinHousehold(const QString &code);
    // A code for someone to join the current household with (owners only).
    Q_INVOKABLE void createInvite();
    // Fetches the households and their members again (someone may have joined).
    Q_INVOKABLE void refreshMembers();
    // Owners: takes someone (or a kitchen tablet, which is then unpaired) out of the
    // current household.
    Q_INVOKABLE void removeMember(const QString &userId);
    // A list of the given kind ("shopping" or "tasks") in the current household, opened.
    Q_INVOKABLE void createList(const QString &name, const QString &kind);

    // What to say when an owner's request (with the current household) is refused.
    struct Refusals
    {
        QString offline;
        QString forbidden;
        QString failed; // %1: the server's code
    };
    // Sends `type` for the current household; `done` gets the result, a refusal becomes
    // the error sentence. `showBusy`: the session is busy until the answer.
    void ownerRequest(const QString &type, QJsonObject fields, bool showBusy, const Refusals &say,
                      const std::function<void(const QJsonObject &)> &done);

Q_SIGNALS:
    // The households or their members came anew from the server (or this device).
    void householdsChanged();
    void currentChanged();
    void membersChanged();
    void inviteCodeChanged();

private:
    void connectAccount();
    void onHouseholdsChanged();
    // Emits the signals of what differs from what was told last.
    void notifyChanges();
    // A field of the current household's entry in `households` ("" when none is current).
    QString currentField(const QVariantList &households, const QString &field) const;
    void householdRequest(const QString &type, const QJsonObject &fields);

    Session &m_session;
    ListsModel m_lists;
    ListsModel m_archivedLists {true};
    TodayModel m_today;
    TodayModel m_chart {0}; // active on the kiosk only (KioskPage)
    QString m_currentId;
    QString m_inviteCode;
    // What the signals told last.
    QVariantList m_shownHouseholds;
    QVariantList m_shownMembers;
    QString m_shownId;
    QString m_shownName;
    QString m_shownRole;
};

} // namespace kinlist::ui

// The Settings page against the real server: the clinic's name, time zone and opening hours are
// saved through the API (and a day that closes before it opens is said at the hours), and a new
// person gets a temporary password shown once, with Copy. Admins disable and enable people, after
// a question, and the people table is readable in English and Spanish.
#include "consolefixture.h"
#include "core/phonenumber.h"
#include "core/timezonename.h"
#include "pagehost.h"
#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/pages/settingspage.h"
#include "ui/shell/translations.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/missedcalltextbackbox.h"
#include "ui/widgets/redactionbox.h"
#include "ui/widgets/retentionbox.h"
#include "ui/widgets/temporarypassworddialog.h"
#include "ui/widgets/toastarea.h"
#include "ui/widgets/transferdestinationsbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>

using namespace Qt::Literals::StringLiterals;

namespace {

// The columns of `table` narrower than their heading or a cell needs, in words; empty when every
// column shows whole.
QString clippedColumns(const QTableWidget &table)
{
    QStringList clipped;
    for (int column = 0; column < table.columnCount(); ++column) {
        const int needed =
            qMax(table.horizontalHeader()->sectionSizeHint(column),
                 static_cast<const QAbstractItemView &>(table).sizeHintForColumn(column));
        if (table.columnWidth(column) < needed)
            clipped << u"column %1 is %2 px wide, needs %3"_s.arg(column)
                           .arg(table.columnWidth(column))
                           .arg(needed);
    }
    return clipped.join(u"; "_s);
}

} // namespace

class TestSettingsPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;

    struct Console : vox::test::PageHost<vox::ui::SettingsPage>
    {
        Console(const QString &url, const vox::ui::Session &session)
            : PageHost(url, session, {1100, 750}, u"test server"_s)
        {}
    };

    struct Person
    {
        QString id;
        QString email;
        vox::ui::Session session;
    };

    // A member of `owner`'s clinic, signed in.
    Person addPerson(const vox::test::Clinic &owner, const QString &role, const QString &name)
    {
        auto client = m_fixture->server().client();
        client->setToken(owner.session.accessToken);
        Person p;
        p.email = u"%1.%2@people.test"_s.arg(role).arg(++m_people);
        const auto made =
            client->post(u"/api/org/users"_s, {{u"email"_s, p.email},
                                               {u"role"_s, role},
                                               {u"full_name"_s, name},
                                               {u"password"_s, u"chosen by admin"_s}});
        p.id = made.json().value(u"user"_s).toObject().value(u"id"_s).toString();
        const auto signedIn = client->post(
            u"/api/auth/login"_s, {{u"email"_s, p.email}, {u"password"_s, u"chosen by admin"_s}});
        p.session = vox::ui::Session::fromJson(signedIn.json(), QDateTime::currentDateTimeUtc());
        return p;
    }

    static int rowOf(QTableWidget *table, const QString &email)
    {
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 1) && table->item(row, 1)->text() == email)
                return row;
        return -1;
    }

    static QPushButton *stateButton(vox::ui::SettingsPage &page, const QString &userId)
    {
        return page.usersTable()->findChild<QPushButton *>(u"userStateButton_"_s + userId);
    }

    static void answer(QWidget *page, QMessageBox::ButtonRole role)
    {
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = page->findChild<QMessageBox *>(u"userStateConfirmation"_s)));
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == role) {
                b->click();
                break;
            }
        QTRY_VERIFY(!page->findChild<QMessageBox *>(u"userStateConfirmation"_s));
    }

    int m_people = 0;
    QTemporaryDir m_screenshots;

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_settings"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    // Off by default, the text shown as callers get it while it is typed, saved by an admin;
    // the front desk reads it but cannot change it.
    void missedCallTextBackIsShownAsSentAndSaved()
    {
        const auto clinic = m_fixture->createClinic(u"Text Back Clinic"_s);
        vox::test::PageHost<vox::ui::MissedCallTextBackBox> owner(m_fixture->url(), clinic.session,
                                                                  {600, 400});
        vox::ui::MissedCallTextBackBox &box = *owner.page;
        QSignalSpy loaded(&box, &vox::ui::MissedCallTextBackBox::loaded);
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(!box.enabledCheck()->isChecked());
        QCOMPARE(box.hoursSpin()->value(), 24);
        QCOMPARE(box.previewLabel()->text(),
                 u"Sorry we missed you at Text Back Clinic \u2014 reply here or we'll call you "
                 "back."_s);
        box.templateEdit()->setText(u"{clinic}: sorry we missed you!"_s);
        QCOMPARE(box.previewLabel()->text(), u"Text Back Clinic: sorry we missed you!"_s);
        box.enabledCheck()->setChecked(true);
        box.hoursSpin()->setValue(48);
        QSignalSpy saved(&box, &vox::ui::MissedCallTextBackBox::saved);
        box.findChild<QPushButton *>(u"saveTextBack"_s)->click();
        QTRY_COMPARE(saved.size(), 1);

        const Person desk = addPerson(clinic, u"staff"_s, u"Desk Person"_s);
        vox::test::PageHost<vox::ui::MissedCallTextBackBox> staff(m_fixture->url(), desk.session,
                                                                  {600, 400});
        QSignalSpy staffLoaded(staff.page.get(), &vox::ui::MissedCallTextBackBox::loaded);
        QTRY_COMPARE(staffLoaded.size(), 1);
        QVERIFY(staff.page->enabledCheck()->isChecked());
        QCOMPARE(staff.page->hoursSpin()->value(), 48);
        QCOMPARE(staff.page->templateEdit()->text(), u"{clinic}: sorry we missed you!"_s);
        QVERIFY(!staff.page->enabledCheck()->isEnabled());
        QVERIFY(!staff.page->findChild<QPushButton *>(u"saveTextBack"_s)->isEnabled());
    }

    // Admins add, change and remove where callers are put through to; a number without its
    // country code, or a missing name, is said in words at the field and nothing is sent; a name
    // the clinic already has is refused at the name; the front desk reads them but cannot change
    // them.
    void transferDestinationsAreEditedByAdminsAndReadByStaff()
    {
        using Box = vox::ui::TransferDestinationsBox;
        const auto clinic = m_fixture->createClinic(u"Transfer Clinic"_s);
        auto client = m_fixture->server().client();
        client->setToken(clinic.session.accessToken);
        const auto stored = [&client] {
            return client->get(u"/api/transfer-destinations"_s)
                .json()
                .value(u"destinations"_s)
                .toArray();
        };
        vox::test::PageHost<Box> owner(m_fixture->url(), clinic.session, {760, 640});
        Box &box = *owner.page;
        QSignalSpy loaded(&box, &Box::loaded);
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(box.table()->rowCount(), 0);
        QVERIFY(!box.removeButton()->isEnabled());

        box.saveButton()->click();
        QVERIFY(box.nameMessage()->hasProblem());
        QVERIFY(box.numberMessage()->hasProblem());
        box.nameEdit()->setText(u"Front desk"_s);
        box.numberEdit()->setText(u"212 555 0142"_s);
        box.saveButton()->click();
        QVERIFY(!box.nameMessage()->hasProblem());
        QVERIFY(box.numberMessage()->hasProblem());
        QVERIFY(box.numberMessage()->text().contains(u"country code"_s));
        QCOMPARE(stored().size(), 0);

        // A new destination starts with weekdays, 9 to 5.
        box.numberEdit()->setText(u"+1 (212) 555-0142"_s);
        QSignalSpy saved(&box, &Box::saved);
        box.saveButton()->click();
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(stored().size(), 1);
        QJsonObject desk = stored().at(0).toObject();
        QCOMPARE(desk.value(u"number"_s).toString(), u"+12125550142"_s);
        QCOMPARE(desk.value(u"emergency"_s).toBool(), false);
        const QJsonArray weekdays = desk.value(u"hours"_s).toArray();
        QCOMPARE(weekdays.size(), 5);
        QCOMPARE(weekdays.at(0).toObject().value(u"day"_s).toInt(), 1);
        QCOMPARE(weekdays.at(0).toObject().value(u"open"_s).toString(), u"09:00"_s);
        QCOMPARE(weekdays.at(0).toObject().value(u"close"_s).toString(), u"17:00"_s);
        QTRY_COMPARE(box.table()->rowCount(), 1);
        QVERIFY(box.table()->item(0, 3)->text().endsWith(u"09:00–17:00"_s));

        // An on-call number for emergencies, every day around the clock.
        box.newButton()->click();
        QVERIFY(box.nameEdit()->text().isEmpty());
        box.nameEdit()->setText(u"On-call nurse"_s);
        box.numberEdit()->setText(u"+13055550199"_s);
        for (int day = 1; day <= 7; ++day)
            box.dayCheck(day)->setChecked(true);
        box.allDayCheck()->setChecked(true);
        QVERIFY(!box.opensEdit()->isEnabled());
        box.emergencyCheck()->setChecked(true);
        box.saveButton()->click();
        QTRY_COMPARE(saved.size(), 2);
        QTRY_COMPARE(box.table()->rowCount(), 2);
        QJsonObject nurse = stored().at(1).toObject();
        QCOMPARE(nurse.value(u"name"_s).toString(), u"On-call nurse"_s);
        QCOMPARE(nurse.value(u"emergency"_s).toBool(), true);
        QCOMPARE(nurse.value(u"hours"_s).toArray().size(), 7);
        QCOMPARE(nurse.value(u"hours"_s).toArray().at(6).toObject().value(u"close"_s).toString(),
                 u"24:00"_s);
        QCOMPARE(box.table()->item(1, 4)->text(), u"Yes"_s);

        // Choosing one puts it in the form; a name the clinic already has is refused there.
        box.table()->selectRow(1);
        QCOMPARE(box.nameEdit()->text(), u"On-call nurse"_s);
        // The number reads as the table writes it, with the country code the field asks for.
        QCOMPARE(box.numberEdit()->text(), u"+1 (305) 555-0199"_s);
        QVERIFY(box.allDayCheck()->isChecked());
        QVERIFY(box.removeButton()->isEnabled());
        box.nameEdit()->setText(u"Front desk"_s);
        box.saveButton()->click();
        QTRY_VERIFY(box.nameMessage()->hasProblem());
        QCOMPARE(stored().at(1).toObject().value(u"name"_s).toString(), u"On-call nurse"_s);
        box.nameEdit()->setText(u"On-call nurse (nights)"_s);
        box.saveButton()->click();
        QTRY_COMPARE(saved.size(), 3);
        QCOMPARE(stored().at(1).toObject().value(u"name"_s).toString(),
                 u"On-call nurse (nights)"_s);
        QCOMPARE(stored().at(1).toObject().value(u"hours"_s).toArray().size(), 7);

        // Removing asks first; keeping it sends nothing.
        QTRY_COMPARE(box.nameEdit()->text(), u"On-call nurse (nights)"_s);
        const auto answerRemove = [&box](QMessageBox::ButtonRole role) {
            box.removeButton()->click();
            QMessageBox *ask = nullptr;
            QTRY_VERIFY((ask = box.findChild<QMessageBox *>(u"removeTransferConfirmation"_s)));
            QVERIFY(ask->text().contains(u"On-call nurse (nights)"_s));
            for (QAbstractButton *b : ask->buttons())
                if (ask->buttonRole(b) == role) {
                    b->click();
                    break;
                }
            QTRY_VERIFY(!box.findChild<QMessageBox *>(u"removeTransferConfirmation"_s));
        };
        answerRemove(QMessageBox::RejectRole);
        QCOMPARE(stored().size(), 2);
        answerRemove(QMessageBox::AcceptRole);
        QTRY_COMPARE(stored().size(), 1);
        QTRY_COMPARE(box.table()->rowCount(), 1);

        const Person desk2 = addPerson(clinic, u"staff"_s, u"Robin Desk"_s);
        vox::test::PageHost<Box> staff(m_fixture->url(), desk2.session, {760, 640});
        QSignalSpy staffLoaded(staff.page.get(), &Box::loaded);
        QTRY_COMPARE(staffLoaded.size(), 1);
        QCOMPARE(staff.page->table()->rowCount(), 1);
        QCOMPARE(staff.page->table()->item(0, 0)->text(), u"Front desk"_s);
        for (QWidget *control : std::initializer_list<QWidget *>{
                 staff.page->nameEdit(), staff.page->numberEdit(), staff.page->dayCheck(1),
                 staff.page->emergencyCheck(), staff.page->saveButton(), staff.page->newButton(),
                 staff.page->removeButton()})
            QVERIFY2(!control->isEnabled(), qPrintable(control->objectName()));
        QVERIFY(staff.page->findChild<QLabel *>(u"transferReadOnly"_s)->isVisible());
    }

    // The AI tries the destinations in the clinic's order: an admin moves the chosen one up or
    // down with the buttons beside the table or Alt+Up / Alt+Down, and the server keeps the new
    // order. A description tells the people choosing one what it is for.
    void transferDestinationsAreDescribedAndReordered()
    {
        using Box = vox::ui::TransferDestinationsBox;
        const auto clinic = m_fixture->createClinic(u"Order Clinic"_s);
        auto client = m_fixture->server().client();
        client->setToken(clinic.session.accessToken);
        for (const auto &[name, number] :
             {std::pair{u"Front desk"_s, u"+12125550142"_s},
              std::pair{u"Dr Lee"_s, u"+12125550143"_s}, std::pair{u"Nurse"_s, u"+12125550144"_s}})
            QCOMPARE(client
                         ->post(u"/api/transfer-destinations"_s,
                                {{u"name"_s, name}, {u"number"_s, number}})
                         .status,
                     201);
        const auto storedNames = [&client] {
            QStringList names;
            for (const QJsonValue &v : client->get(u"/api/transfer-destinations"_s)
                                           .json()
                                           .value(u"destinations"_s)
                                           .toArray())
                names.append(v.toObject().value(u"name"_s).toString());
            return names;
        };
        vox::test::PageHost<Box> owner(m_fixture->url(), clinic.session, {900, 640});
        Box &box = *owner.page;
        QSignalSpy loaded(&box, &Box::loaded);
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(box.table()->rowCount(), 3);
        QVERIFY(!box.moveUpButton()->isEnabled());
        QVERIFY(!box.moveDownButton()->isEnabled());
        for (QPushButton *b : {box.moveUpButton(), box.moveDownButton()}) {
            QVERIFY(!b->accessibleName().isEmpty());
            QVERIFY(!b->accessibleDescription().isEmpty());
        }

        // Described: saved with the destination and shown in the table.
        box.table()->selectRow(1);
        QCOMPARE(box.descriptionEdit()->maxLength(), 200);
        box.descriptionEdit()->setText(u"Dr Lee's mobile, surgeries only"_s);
        QSignalSpy saved(&box, &Box::saved);
        box.saveButton()->click();
        QTRY_COMPARE(saved.size(), 1);
        QTRY_COMPARE(box.table()->item(1, 1)->text(), u"Dr Lee's mobile, surgeries only"_s);
        QCOMPARE(client->get(u"/api/transfer-destinations"_s)
                     .json()
                     .value(u"destinations"_s)
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(u"description"_s)
                     .toString(),
                 u"Dr Lee's mobile, surgeries only"_s);

        // The first cannot go up, the last cannot go down.
        QTRY_VERIFY(box.moveUpButton()->isEnabled());
        QVERIFY(box.moveDownButton()->isEnabled());
        box.moveUpButton()->click();
        QTRY_COMPARE(saved.size(), 2);
        QCOMPARE(storedNames(), (QStringList{u"Dr Lee"_s, u"Front desk"_s, u"Nurse"_s}));
        QCOMPARE(box.table()->item(0, 0)->text(), u"Dr Lee"_s);
        QCOMPARE(box.nameEdit()->text(), u"Dr Lee"_s); // it stays chosen
        QVERIFY(!box.moveUpButton()->isEnabled());

        // From the keyboard, in the table.
        box.table()->setFocus();
        QTest::keyClick(box.table(), Qt::Key_Down, Qt::AltModifier);
        QTRY_COMPARE(saved.size(), 3);
        QTest::keyClick(box.table(), Qt::Key_Down, Qt::AltModifier);
        QTRY_COMPARE(saved.size(), 4);
        QCOMPARE(storedNames(), (QStringList{u"Front desk"_s, u"Nurse"_s, u"Dr Lee"_s}));
        QCOMPARE(box.table()->item(2, 0)->text(), u"Dr Lee"_s);
        QVERIFY(!box.moveDownButton()->isEnabled());
        QTest::keyClick(box.table(), Qt::Key_Down, Qt::AltModifier); // already last: nothing
        QTest::keyClick(box.table(), Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(saved.size(), 5);
        QCOMPARE(storedNames(), (QStringList{u"Front desk"_s, u"Dr Lee"_s, u"Nurse"_s}));

        // Moving is not saving: edits not yet saved stay in the form, on the moved destination,
        // and the server keeps what was saved until Save.
        box.nameEdit()->setText(u"Dr Lee, mobile"_s);
        box.descriptionEdit()->setText(u"Surgeries only"_s);
        box.emergencyCheck()->setChecked(true);
        const bool monday = box.dayCheck(1)->isChecked();
        const bool tuesday = box.dayCheck(2)->isChecked();
        box.dayCheck(1)->setChecked(!monday);
        box.moveDownButton()->click();
        QTRY_COMPARE(saved.size(), 6);
        QCOMPARE(storedNames(), (QStringList{u"Front desk"_s, u"Nurse"_s, u"Dr Lee"_s}));
        QCOMPARE(box.table()->selectedRanges().size(), 1);
        QCOMPARE(box.table()->selectedRanges().first().topRow(), 2);
        QCOMPARE(box.table()->item(2, 0)->text(), u"Dr Lee"_s);
        QCOMPARE(box.nameEdit()->text(), u"Dr Lee, mobile"_s);
        QCOMPARE(box.descriptionEdit()->text(), u"Surgeries only"_s);
        QVERIFY(box.emergencyCheck()->isChecked());
        QCOMPARE(box.dayCheck(1)->isChecked(), !monday);
        QCOMPARE(box.dayCheck(2)->isChecked(), tuesday);
        QTest::keyClick(box.table(), Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(saved.size(), 7);
        QCOMPARE(storedNames(), (QStringList{u"Front desk"_s, u"Dr Lee"_s, u"Nurse"_s}));
        QCOMPARE(box.nameEdit()->text(), u"Dr Lee, mobile"_s);
        box.saveButton()->click();
        QTRY_COMPARE(saved.size(), 8);
        QCOMPARE(storedNames(), (QStringList{u"Front desk"_s, u"Dr Lee, mobile"_s, u"Nurse"_s}));
        const QJsonObject stored = client->get(u"/api/transfer-destinations"_s)
                                       .json()
                                       .value(u"destinations"_s)
                                       .toArray()
                                       .at(1)
                                       .toObject();
        QCOMPARE(stored.value(u"description"_s).toString(), u"Surgeries only"_s);
        QVERIFY(stored.value(u"emergency"_s).toBool());

        // The front desk reads the order but cannot change it.
        const Person desk = addPerson(clinic, u"staff"_s, u"Robin Order"_s);
        vox::test::PageHost<Box> staff(m_fixture->url(), desk.session, {900, 640});
        QSignalSpy staffLoaded(staff.page.get(), &Box::loaded);
        QTRY_COMPARE(staffLoaded.size(), 1);
        staff.page->table()->selectRow(1);
        QVERIFY(!staff.page->moveUpButton()->isEnabled());
        QVERIFY(!staff.page->moveDownButton()->isEnabled());
        QVERIFY(!staff.page->descriptionEdit()->isEnabled());
    }

    void clinicSettingsAreSaved()
    {
        const auto clinic = m_fixture->createClinic(u"Hours Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::SettingsPage &page = *c.page;
        QTRY_COMPARE(page.clinicNameEdit()->text(), u"Hours Clinic"_s);
        // The zone reads as a place and its time ("New York (Eastern Time)"), not as its id.
        QCOMPARE(page.timeZoneCombo()->currentText(),
                 vox::timeZoneLabel(u"America/New_York"_s, QLocale()));
        QCOMPARE(page.timeZoneCombo()->currentData().toString(), u"America/New_York"_s);
        QVERIFY(page.openCheck(6)->isChecked());  // Saturday 10-14
        QVERIFY(!page.openCheck(7)->isChecked()); // closed on Sunday

        // Closing before opening is refused at the hours, before asking the server.
        page.opensEdit(1)->setTime(QTime(18, 0));
        page.saveClinic();
        QVERIFY(page.findChild<QLabel *>(u"hoursMessage"_s)->isVisible());

        page.opensEdit(1)->setTime(QTime(8, 30));
        page.openCheck(7)->setChecked(true);
        page.opensEdit(7)->setTime(QTime(11, 0));
        page.closesEdit(7)->setTime(QTime(15, 0));
        page.openCheck(6)->setChecked(false);
        page.clinicNameEdit()->setText(u"Hours Clinic Downtown"_s);
        page.timeZoneCombo()->setCurrentText(u"America/Chicago"_s);
        page.saveClinic();
        QTRY_COMPARE(page.settings().name, u"Hours Clinic Downtown"_s);
        QCOMPARE(page.timeZoneCombo()->currentText(),
                 vox::timeZoneLabel(u"America/Chicago"_s, QLocale()));

        auto client = m_fixture->server().client();
        client->setToken(clinic.session.accessToken);
        const QJsonObject saved = client->get(u"/api/org/settings"_s).json();
        QCOMPARE(saved.value(u"time_zone"_s).toString(), u"America/Chicago"_s);
        QStringList week;
        for (const QJsonValue &h : saved.value(u"business_hours"_s).toArray())
            week << u"%1 %2-%3"_s.arg(h[u"weekday"_s].toInt())
                        .arg(h[u"opens_at"_s].toString(), h[u"closes_at"_s].toString());
        QCOMPARE(week, QStringList({u"1 08:30-17:00"_s, u"2 09:00-17:00"_s, u"3 09:00-17:00"_s,
                                    u"4 09:00-17:00"_s, u"5 09:00-17:00"_s, u"7 11:00-15:00"_s}));
    }

    // The clinic's phone country is chosen from the countries the server reads, and from then
    // on the console reads typed numbers in it too.
    void thePhoneCountryIsSavedAndUsedAtOnce()
    {
        const auto clinic = m_fixture->createClinic(u"Phone Country Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::SettingsPage &page = *c.page;
        QTRY_COMPARE(page.clinicNameEdit()->text(), u"Phone Country Clinic"_s);
        QCOMPARE(page.phoneCountryCombo()->currentData().toString(), u"US"_s);
        QCOMPARE(page.phoneCountryCombo()->currentText(), u"United States (+1)"_s);
        QStringList offered;
        for (int i = 0; i < page.phoneCountryCombo()->count(); ++i)
            offered << page.phoneCountryCombo()->itemData(i).toString();
        QStringList readable;
        for (const vox::phone::Country &country : vox::phone::countries())
            readable << country.iso;
        QCOMPARE(offered, readable);

        page.phoneCountryCombo()->setCurrentIndex(page.phoneCountryCombo()->findData(u"GB"_s));
        page.saveClinic();
        QTRY_COMPARE(page.settings().phoneCountry, u"GB"_s);
        QCOMPARE(vox::ui::DisplayFormat::phoneCountry(), u"GB"_s);
        auto client = m_fixture->server().client();
        client->setToken(clinic.session.accessToken);
        QCOMPARE(client->get(u"/api/org/settings"_s).json().value(u"phone_country"_s).toString(),
                 u"GB"_s);
        vox::ui::DisplayFormat::setPhoneCountry(u"US"_s);
    }

    // The clinic's language (the words the server starts it with, such as its review tags) is
    // read from the server and saved with the rest of the clinic by an admin; staff read it.
    void theClinicLanguageIsLoadedAndSaved()
    {
        const auto clinic = m_fixture->createClinic(u"Language Clinic"_s);
        auto client = m_fixture->server().client();
        client->setToken(clinic.session.accessToken);
        QCOMPARE(client->patch(u"/api/org/settings"_s, {{u"language"_s, u"es"_s}}).status, 200);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::SettingsPage &page = *c.page;
        QTRY_COMPARE(page.clinicNameEdit()->text(), u"Language Clinic"_s);
        QComboBox *language = page.clinicLanguageCombo();
        QCOMPARE(language->currentData().toString(), u"es"_s);
        QCOMPARE(language->currentText(), u"Español"_s);
        QVERIFY(language->isEnabled());
        QVERIFY(!language->accessibleName().isEmpty());
        QVERIFY(language->accessibleDescription().contains(u"review tags"_s));
        QVERIFY(page.unsavedChanges().isEmpty());

        language->setCurrentIndex(language->findData(u"en"_s));
        QVERIFY(!page.unsavedChanges().isEmpty());
        // Saved with the rest of the clinic; a zone chosen by its name is saved as its id.
        page.timeZoneCombo()->setCurrentIndex(page.timeZoneCombo()->findData(u"America/Denver"_s));
        page.saveClinic();
        QTRY_COMPARE(page.settings().language, u"en"_s);
        QCOMPARE(page.settings().timeZone, u"America/Denver"_s);
        QVERIFY(page.unsavedChanges().isEmpty());
        QCOMPARE(client->get(u"/api/org/settings"_s).json().value(u"language"_s).toString(),
                 u"en"_s);
        // The tags still as seeded followed the language back to English.
        QCOMPARE(client->get(u"/api/org/review-tags"_s)
                     .json()
                     .value(u"tags"_s)
                     .toArray()
                     .first()
                     .toString(),
                 u"great"_s);

        const Person desk = addPerson(clinic, u"staff"_s, u"Desk Person"_s);
        Console staff(m_fixture->url(), desk.session);
        QTRY_COMPARE(staff.page->clinicNameEdit()->text(), u"Language Clinic"_s);
        QCOMPARE(staff.page->clinicLanguageCombo()->currentData().toString(), u"en"_s);
        QVERIFY(!staff.page->clinicLanguageCombo()->isEnabled());
    }

    void newPersonGetsATemporaryPasswordShownOnce()
    {
        const auto clinic = m_fixture->createClinic(u"People Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::SettingsPage &page = *c.page;
        QTRY_COMPARE(page.usersTable()->rowCount(), 1);
        // An owner may add owners; the roles offered say so.
        QCOMPARE(page.inviteRoleCombo()->count(), 3);
        QTest::keyClicks(page.inviteEmailEdit(), u"desk@peopleclinic.test"_s);
        page.inviteRoleCombo()->setCurrentIndex(page.inviteRoleCombo()->findData(u"staff"_s));
        page.invite();
        vox::ui::TemporaryPasswordDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page.findChild<vox::ui::TemporaryPasswordDialog *>()));
        QVERIFY(dialog->password().size() >= 10);
        // The password works.
        auto client = m_fixture->server().client();
        QCOMPARE(client
                     ->post(u"/api/auth/login"_s, {{u"email"_s, u"desk@peopleclinic.test"_s},
                                                   {u"password"_s, dialog->password()}})
                     .status,
                 200);
        dialog->accept();
        QTRY_COMPARE(page.usersTable()->rowCount(), 2);

        // The same address again: said at the field.
        QTest::keyClicks(page.inviteEmailEdit(), u"desk@peopleclinic.test"_s);
        page.invite();
        QTRY_VERIFY(page.findChild<QLabel *>(u"inviteMessage"_s)->isVisible());
    }

    // A member who forgot their password: "Reset password…" asks first, then shows a temporary
    // password once; the old one stops working and the temporary one signs in.
    void anAdminResetsAForgottenPasswordAfterAsking()
    {
        const auto clinic = m_fixture->createClinic(u"Reset Clinic"_s);
        const Person desk = addPerson(clinic, u"staff"_s, u"Robin Desk"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::SettingsPage &page = *c.page;
        QTRY_COMPARE(page.usersTable()->rowCount(), 2);
        auto *reset =
            page.usersTable()->findChild<QPushButton *>(u"resetPasswordButton_"_s + desk.id);
        QVERIFY(reset);
        QCOMPARE(reset->accessibleName(), u"Reset Robin Desk's password"_s);
        // Nobody resets their own here.
        QVERIFY(!page.usersTable()->findChild<QPushButton *>(u"resetPasswordButton_"_s +
                                                             clinic.session.userId));

        reset->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = page.findChild<QMessageBox *>(u"resetPasswordConfirmation"_s)));
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        vox::ui::TemporaryPasswordDialog *shown = nullptr;
        QTRY_VERIFY((shown = page.findChild<vox::ui::TemporaryPasswordDialog *>()));
        const QString temporary = shown->password();
        QVERIFY(temporary.size() >= 12);
        auto client = m_fixture->server().client();
        QCOMPARE(client
                     ->post(u"/api/auth/login"_s,
                            {{u"email"_s, desk.email}, {u"password"_s, u"chosen by admin"_s}})
                     .status,
                 401);
        QCOMPARE(
            client
                ->post(u"/api/auth/login"_s, {{u"email"_s, desk.email}, {u"password"_s, temporary}})
                .status,
            200);
        shown->accept();
    }

    void anAdminDisablesAndEnablesAPersonAfterAsking()
    {
        const auto clinic = m_fixture->createClinic(u"State Clinic"_s);
        const Person desk = addPerson(clinic, u"staff"_s, u"Robin Desk"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::SettingsPage &page = *c.page;
        QTRY_COMPARE(page.usersTable()->rowCount(), 2);
        const int row = rowOf(page.usersTable(), desk.email);
        QVERIFY(row >= 0);
        QCOMPARE(page.usersTable()->item(row, 3)->text(), u"Active"_s);
        QPushButton *button = stateButton(page, desk.id);
        QVERIFY(button);
        QCOMPARE(button->text(), u"Disable"_s);

        // Keeping access changes nothing.
        button->click();
        answer(&page, QMessageBox::RejectRole);
        auto client = m_fixture->server().client();
        client->setToken(desk.session.accessToken);
        QCOMPARE(client->get(u"/api/contacts"_s).status, 200);

        button->click();
        answer(&page, QMessageBox::AcceptRole);
        QTRY_COMPARE(page.usersTable()->item(rowOf(page.usersTable(), desk.email), 3)->text(),
                     u"Disabled"_s);
        QCOMPARE(client->get(u"/api/contacts"_s).status, 401);
        QTRY_VERIFY(stateButton(page, desk.id) &&
                    stateButton(page, desk.id)->text() == u"Enable"_s);

        stateButton(page, desk.id)->click();
        answer(&page, QMessageBox::AcceptRole);
        QTRY_COMPARE(page.usersTable()->item(rowOf(page.usersTable(), desk.email), 3)->text(),
                     u"Active"_s);
        QCOMPARE(client->get(u"/api/contacts"_s).status, 200);
    }

    void theActionIsOfferedWhereTheServerAllowsIt_data()
    {
        QTest::addColumn<QString>("viewer");
        QTest::addColumn<QStringList>("withButton"); // of: owner, other owner, admin, staff
        QTest::newRow("owner: everyone but themselves")
            << u"owner"_s << QStringList{u"other owner"_s, u"admin"_s, u"staff"_s};
        QTest::newRow("admin: not owners, not themselves") << u"admin"_s << QStringList{u"staff"_s};
        QTest::newRow("staff: nobody") << u"staff"_s << QStringList();
    }
    void theActionIsOfferedWhereTheServerAllowsIt()
    {
        QFETCH(QString, viewer);
        QFETCH(QStringList, withButton);
        const auto clinic = m_fixture->createClinic(u"Roles Clinic"_s);
        QHash<QString, Person> people;
        people.insert(u"owner"_s, Person{clinic.session.userId, clinic.email, clinic.session});
        people.insert(u"other owner"_s, addPerson(clinic, u"owner"_s, u"Sam Owner"_s));
        people.insert(u"admin"_s, addPerson(clinic, u"admin"_s, u"Alex Admin"_s));
        people.insert(u"staff"_s, addPerson(clinic, u"staff"_s, u"Robin Desk"_s));
        Console c(m_fixture->url(), people.value(viewer).session);
        QTRY_COMPARE(c.page->usersTable()->rowCount(), 4);
        for (auto it = people.cbegin(); it != people.cend(); ++it)
            QVERIFY2((stateButton(*c.page, it->id) != nullptr) == withButton.contains(it.key()),
                     qPrintable(it.key()));
    }

    // Admins choose how long content is kept (0 is "Forever"); staff read the windows and cannot
    // change them.
    void retentionIsSavedByAdminsAndReadByStaff()
    {
        const auto clinic = m_fixture->createClinic(u"Retention Clinic"_s);
        auto client = m_fixture->server().client();
        client->setToken(clinic.session.accessToken);
        {
            Console c(m_fixture->url(), clinic.session);
            auto *box = c.page->findChild<vox::ui::RetentionBox *>(u"retentionBox"_s);
            QVERIFY(box);
            QTRY_COMPARE(box->recordingsSpin()->value(), 365);
            QCOMPARE(box->transcriptsSpin()->value(), 2190);
            QCOMPARE(box->messagesSpin()->value(), 2190);
            QVERIFY(box->recordingsSpin()->isEnabled());
            box->recordingsSpin()->setValue(30);
            box->transcriptsSpin()->setValue(0);
            QCOMPARE(box->transcriptsSpin()->text(), u"Forever"_s);
            box->save();
            QTRY_COMPARE(
                client->get(u"/api/org/privacy"_s).json().value(u"keep_recordings_days"_s).toInt(),
                30);
            const QJsonObject saved = client->get(u"/api/org/privacy"_s).json();
            QVERIFY(saved.value(u"keep_transcripts_days"_s).isNull());
            QCOMPARE(saved.value(u"keep_message_content_days"_s).toInt(), 2190);
        }
        const Person desk = addPerson(clinic, u"staff"_s, u"Robin Desk"_s);
        Console c(m_fixture->url(), desk.session);
        auto *box = c.page->findChild<vox::ui::RetentionBox *>(u"retentionBox"_s);
        QTRY_COMPARE(box->recordingsSpin()->value(), 30);
        QCOMPARE(box->transcriptsSpin()->value(), 0);
        for (QWidget *control : std::initializer_list<QWidget *>{
                 box->recordingsSpin(), box->transcriptsSpin(), box->messagesSpin(),
                 box->findChild<QPushButton *>(u"saveRetention"_s)})
            QVERIFY2(!control->isEnabled(), qPrintable(control->objectName()));
    }

    // Admins choose which kinds of patient data are redacted, one check box each (all seven on
    // for a new clinic); staff see the choice and cannot change it.
    void redactionIsChosenByAdminsAndReadByStaff()
    {
        const QStringList all{u"ssn"_s,   u"card"_s,    u"dob"_s,       u"phone"_s,
                              u"email"_s, u"address"_s, u"medical_id"_s};
        const auto clinic = m_fixture->createClinic(u"Redaction Clinic"_s);
        auto client = m_fixture->server().client();
        client->setToken(clinic.session.accessToken);
        {
            Console c(m_fixture->url(), clinic.session);
            auto *box = c.page->findChild<vox::ui::RedactionBox *>(u"redactionBox"_s);
            QVERIFY(box);
            QTRY_VERIFY(box->categoryCheck(u"medical_id"_s)->isChecked());
            for (const QString &name : all) {
                QCheckBox *check = box->categoryCheck(name);
                QVERIFY2(check && check->isChecked() && check->isEnabled(), qPrintable(name));
                QVERIFY2(!check->accessibleName().isEmpty(), qPrintable(name));
                QVERIFY2(!check->accessibleDescription().isEmpty(), qPrintable(name));
            }
            box->categoryCheck(u"phone"_s)->setChecked(false);
            box->categoryCheck(u"email"_s)->setChecked(false);
            box->save();
            QTRY_COMPARE(client->get(u"/api/settings/redaction"_s)
                             .json()
                             .value(u"categories"_s)
                             .toArray()
                             .size(),
                         5);
            const QJsonArray saved =
                client->get(u"/api/settings/redaction"_s).json().value(u"categories"_s).toArray();
            QVERIFY(!saved.contains(u"phone"_s));
            QVERIFY(!saved.contains(u"email"_s));
            QVERIFY(saved.contains(u"address"_s));
        }
        const Person desk = addPerson(clinic, u"staff"_s, u"Robin Desk"_s);
        Console c(m_fixture->url(), desk.session);
        auto *box = c.page->findChild<vox::ui::RedactionBox *>(u"redactionBox"_s);
        QTRY_VERIFY(box->categoryCheck(u"ssn"_s)->isChecked());
        QVERIFY(!box->categoryCheck(u"phone"_s)->isChecked());
        for (const QString &name : all)
            QVERIFY2(!box->categoryCheck(name)->isEnabled(), qPrintable(name));
        QVERIFY(box->findChild<QPushButton *>(u"saveRedaction"_s)->isHidden());
        QVERIFY(!box->stateLabel()->isHidden());
        QVERIFY(box->stateLabel()->text().contains(u"admin"_s));
    }

    // The transfer destinations table shows every column whole, with no scroll bar hiding a
    // row, at every page width and in both languages: a page too narrow for two columns of it
    // stacks the settings instead of squeezing it.
    void theTransferDestinationsTableIsReadable_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("width");
        for (const int width : {900, 1090, 1730}) {
            QTest::addRow("English, %d px", width) << u"en"_s << width;
            QTest::addRow("Spanish, %d px", width) << u"es"_s << width;
        }
    }
    void theTransferDestinationsTableIsReadable()
    {
        QFETCH(QString, language);
        QFETCH(int, width);
        QVERIFY(vox::ui::installTranslations(language));
        const auto clinic = m_fixture->createClinic(u"Wide Clinic"_s);
        {
            auto owner = m_fixture->server().client();
            owner->setToken(clinic.session.accessToken);
            QCOMPARE(owner
                         ->post(u"/api/transfer-destinations"_s,
                                {{u"name"_s, u"Front desk"_s}, {u"number"_s, u"+15125550100"_s}})
                         .status,
                     201);
            QCOMPARE(owner
                         ->post(u"/api/transfer-destinations"_s,
                                {{u"name"_s, u"On-call nurse"_s},
                                 {u"number"_s, u"+15125550199"_s},
                                 {u"description"_s, u"Nights and weekends"_s},
                                 {u"emergency"_s, true}})
                         .status,
                     201);
        }
        vox::test::PageHost<vox::ui::SettingsPage> c(m_fixture->url(), clinic.session, {width, 800},
                                                     u"test server"_s);
        auto *box = c.page->transferDestinationsBox();
        QSignalSpy loaded(box, &vox::ui::TransferDestinationsBox::loaded);
        QTRY_VERIFY(loaded.size() >= 1);
        QTableWidget *table = box->table();
        QCOMPARE(table->rowCount(), 2);
        QTest::qWait(100); // let the layout settle before measuring
        const QString clipped = clippedColumns(*table);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped));
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        QVERIFY(!table->verticalScrollBar()->isVisible());
        QVERIFY(vox::ui::installTranslations(u"en"_s));
    }

    void thePeopleTableIsReadable_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << u"en"_s;
        QTest::newRow("Spanish") << u"es"_s;
    }
    void thePeopleTableIsReadable()
    {
        QFETCH(QString, language);
        QVERIFY(vox::ui::installTranslations(language));
        const auto clinic = m_fixture->createClinic(u"Readable Clinic"_s);
        addPerson(clinic, u"admin"_s, u"Alexandra Montgomery-Smith"_s);
        const Person desk = addPerson(clinic, u"staff"_s, u"Robin Desk"_s);
        {
            auto owner = m_fixture->server().client();
            owner->setToken(clinic.session.accessToken);
            QCOMPARE(owner->patch(u"/api/org/users/"_s + desk.id, {{u"disabled"_s, true}}).status,
                     200);
        }
        Console c(m_fixture->url(), clinic.session);
        QTableWidget *table = c.page->usersTable();
        QTRY_COMPARE(table->rowCount(), 3);
        QTRY_VERIFY(stateButton(*c.page, desk.id));
        QTest::qWait(100); // let the layout settle before measuring and grabbing
        // Every column shows its heading and its cells whole (the e-mail column takes the rest).
        const QString clipped = clippedColumns(*table);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped));
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        const QString folder = qEnvironmentVariable("VOXANNE_SCREENSHOT_DIR", m_screenshots.path());
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(
            c.page->grab().save(QDir(folder).filePath(u"settings-people-%1.png"_s.arg(language))));
        QVERIFY(vox::ui::installTranslations(u"en"_s));
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"

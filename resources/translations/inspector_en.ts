<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AccountPage</name>
    <message>
        <source>Your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surname Name Patronymic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypt the database file (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file then opens only with an account&apos;s password; a recovery sheet for the point&apos;s safe is saved next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <source>The district office&apos;s operator, who imports the points&apos; files.</source>
        <translation>The district office&apos;s operator, who imports the points&apos; files.</translation>
    </message>
    <message>
        <source>The head of the point (senior inspector): records like any inspector and, on the Accounts page, gives the point&apos;s other officers their accounts.</source>
        <translation>The head of the point (senior inspector): records like any inspector and, on the Accounts page, gives the point&apos;s other officers their accounts.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Territory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>district %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate…</source>
        <translation>Reactivate…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <source>Territory of %1 saved: it applies from the next login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Password of %1 reset: it must be changed at the next login.</source>
        <translation>Password of %1 reset: it must be changed at the next login.</translation>
    </message>
    <message>
        <source>Reactivate the account</source>
        <translation>Reactivate the account</translation>
    </message>
    <message>
        <source>Account %1 reactivated.</source>
        <translation>Account %1 reactivated.</translation>
    </message>
    <message>
        <source>Deactivate the account</source>
        <translation>Deactivate the account</translation>
    </message>
    <message>
        <source>Deactivate the account of %1 (%2)? It can no longer log in; the records keep the officer&apos;s name.</source>
        <translation>Deactivate the account of %1 (%2)? It can no longer log in; the records keep the officer&apos;s name.</translation>
    </message>
    <message>
        <source>Account %1 deactivated.</source>
        <translation>Account %1 deactivated.</translation>
    </message>
</context>
<context>
    <name>AddressCombo</name>
    <message>
        <source>street, house — or type any address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddressForm</name>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Housing cooperative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address: {street}, {house}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Precinct inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing demo data…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppealForm</name>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eOtinish number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>official number of «Электронные обращения»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous (only a report of a crime)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offence protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ЕРДР number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print talon</source>
        <translation>Print talon</translation>
    </message>
    <message>
        <source>Print the talon for the citizen (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term counts from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside our competence: forward within 3 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why extended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New term, extended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizen notified (day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By a reasoned decision of the head, at most two months after receipt; the applicant is told within 3 working days (АППК art. 76 p. 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeal, talon № {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Talon № {number} of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 (received on a day off: the next working day)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <source>Area passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KSK/OSI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations (KSK/OSI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only households not visited this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected organisation&apos;s chat link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildings: %1 · not visited since %2: %3 · organisations: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticlePicker</name>
    <message>
        <source>Article number or words of its title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All articles (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Only the administrator may read the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupFolder</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished">Folder:</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size, MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupNowDialog</name>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy is made while you work and checked after writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was reset by the administrator. Choose a new one to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 8 characters; it must not contain your login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionLabel</name>
    <message>
        <source>Server %1: encrypted (TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server %1: NOT encrypted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrimeReportForm</name>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours after receipt: the team&apos;s working figure, not found in the law (unverified reference data the district corrects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered in the КУИ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>КУИ number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check extended until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grounds for the extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ЕРДР number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit, position, name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview and print the notice for the person who reported (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New КУИ record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>КУИ record of {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>The database is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest good backup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No good backup was found. Choose a backup file, or ask the district office for help; the damaged file is left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Choose from the calendar (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>%1, date</source>
        <translation>%1, date</translation>
    </message>
    <message>
        <source>%1, time</source>
        <translation>%1, time</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>Save the document</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ErrorMessage</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for the district office</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Load the district&apos;s key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything, not only the changes since the last acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored from a backup, and nothing was sent to the district after that backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District office:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This point&apos;s key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished">Folder:</translation>
    </message>
    <message>
        <source>Not set: load the key file the district office gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the district&apos;s key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export no. %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The district&apos;s key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key files (*.pub *.json);;All (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the key of %1 “%2”?

Fingerprint:
%3

Compare it with the district office (by phone) before you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District office key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackForm</name>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating of police work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusts the police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main security concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New survey answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey answer of {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation «Uchastok» (1 Sep – 1 Nov)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not forwarded in 3 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All points</source>
        <translation>All points</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: name, IIN, number, text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every word is matched at the start of a word; ё and е are the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (inclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up the program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>User manual</source>
        <translation>User manual</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good day, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>КУИ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report of a crime: into the book of information (КУИ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive a citizen: a new appeal with a talon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new preventive visit or door-to-door round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new administrative offence protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a person on preventive registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new meeting with the population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resident&apos;s answers to the survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not forwarded in 3 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the citizen of the extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order ran that day: check it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n orders ran that day: choose one</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished">Open</translation>
    </message>
    <message>
        <source>Record this check…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures: today and this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration checks due within a week or overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeals past their due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>КУИ: registration and check deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaches (КоАП art. 461) not linked to their order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today · %1 this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checks due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No overdue appeals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No КУИ records waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue checks: %1 · overdue appeals: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import packages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files to import:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages (*.isync);;All (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder with packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A package comes from point %1, not enrolled yet.

Key fingerprint:
%2

Compare it with the point (by phone). Enrol the point and import its files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving: building indexes, writing the receipts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files written for the points (take them back): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no database yet. Three short steps create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precinct police point (UPP): the inspector&apos;s database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District police office: collects the points&apos; files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the district&apos;s database on a server instead of this PC&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About the program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline desk of a precinct police inspector: registers, reports and sync with the district office by file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fonts: DejaVu (Bitstream Vera licence; DejaVu changes are in the public domain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Icons: drawn for this program, CC0 1.0 (public domain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt for Python (PySide6): LGPL v3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the program</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManualAction</name>
    <message>
        <source>&amp;User manual</source>
        <translation>&amp;User manual</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance (persons)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New meeting with the population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting of {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OffenceForm</name>
    <message>
        <source>Committed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Victim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liable as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article, part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine, МРП</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public works, hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrest, days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent to public works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given or refused on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ЕРАП number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print protocol</source>
        <translation>Print protocol</translation>
    </message>
    <message>
        <source>Preview and print the protocol (Ctrl+P)</source>
        <translation>Preview and print the protocol (Ctrl+P)</translation>
    </message>
    <message>
        <source>New offence protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offence protocol № {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Protocol № {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>no МРП for {year} in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 МРП in {year} = {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a link such as https://chat.whatsapp.com/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>IIN {iin}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no IIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surname, name or IIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New person (Insert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New person «{text}»…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointsModel</name>
    <message>
        <source>Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region holds up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No package for more than %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointsOverview</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused files from unknown senders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points: %1, without recent packages: %2, with missing exports: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>The point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the point is named in registers, talons and reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. UPP No. 17</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The district office</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Protection</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroyed records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unencrypted backups</source>
        <translation>Unencrypted backups</translation>
    </message>
    <message numerus="yes">
        <source>The database is encrypted, but %n backup(s) made before the encryption still hold its data unencrypted in %1. Encrypt them now, or delete them?</source>
        <translation>
            <numerusform>The database is encrypted, but %n backup made before the encryption still holds its data unencrypted in %1. Encrypt it now, or delete it?</numerusform>
            <numerusform>The database is encrypted, but %n backups made before the encryption still hold its data unencrypted in %1. Encrypt them now, or delete them?</numerusform>
        </translation>
    </message>
    <message>
        <source>Encrypt them</source>
        <translation>Encrypt them</translation>
    </message>
    <message>
        <source>Delete them</source>
        <translation>Delete them</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Securing the old backups…</source>
        <translation>Securing the old backups…</translation>
    </message>
    <message numerus="yes">
        <source>Backups dealt with: %n.</source>
        <translation>
            <numerusform>Backups dealt with: %n.</numerusform>
            <numerusform>Backups dealt with: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program closes, puts the backup in place of the database (the current file is kept beside it) and starts again. Continue?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>* required field</source>
        <translation>* required field</translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required field</source>
        <translation>required field</translation>
    </message>
    <message>
        <source>Discard the changes you made?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Read only: you may not change this record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>History: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordHistoryModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoverySheetDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>The database is now encrypted: it opens only with an account&apos;s password. If every password is lost, only this recovery key opens it, and the program shows it only now.

1. Save the recovery sheet as a PDF and print it, or write the key down by hand.
2. Keep the paper in the point&apos;s safe.
3. Delete the PDF file once it is printed.</source>
        <translation>The database is now encrypted: it opens only with an account&apos;s password. If every password is lost, only this recovery key opens it, and the program shows it only now.

1. Save the recovery sheet as a PDF and print it, or write the key down by hand.
2. Keep the paper in the point&apos;s safe.
3. Delete the PDF file once it is printed.</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <source>&amp;Save the sheet as PDF…</source>
        <translation>&amp;Save the sheet as PDF…</translation>
    </message>
    <message>
        <source>I have &amp;printed the sheet or written the key down, and it goes to the point&apos;s safe</source>
        <translation>I have &amp;printed the sheet or written the key down, and it goes to the point&apos;s safe</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Save the recovery sheet</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The sheet could not be saved to %1: %2. Choose another folder, or write the key down.</source>
        <translation>The sheet could not be saved to %1: %2. Choose another folder, or write the key down.</translation>
    </message>
    <message>
        <source>The sheet was saved to %1. Print it now, then delete the file.</source>
        <translation>The sheet was saved to %1. Print it now, then delete the file.</translation>
    </message>
    <message>
        <source>Tick the box once the key is on paper: it cannot be shown again.</source>
        <translation>Tick the box once the key is on paper: it cannot be shown again.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished">Open</translation>
    </message>
    <message>
        <source>Open the selected record (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected record (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Hi&amp;story</translation>
    </message>
    <message>
        <source>To &amp;Excel</source>
        <translation>To &amp;Excel</translation>
    </message>
    <message>
        <source>Preview and print the selected record&apos;s document</source>
        <translation>Preview and print the selected record&apos;s document</translation>
    </message>
    <message>
        <source>&amp;Print talon</source>
        <translation>&amp;Print talon</translation>
    </message>
    <message>
        <source>&amp;Print protocol</source>
        <translation>&amp;Print protocol</translation>
    </message>
    <message>
        <source>&amp;Print record</source>
        <translation>&amp;Print record</translation>
    </message>
    <message>
        <source>&amp;Print notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this record?

%1

It disappears from the registers and reports; the audit trail keeps who deleted it and when.</source>
        <translation>Delete this record?

%1

It disappears from the registers and reports; the audit trail keeps who deleted it and when.</translation>
    </message>
    <message>
        <source>Who changed the selected record, and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows shown (with these filters) as an Excel or CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, semicolon-separated (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the register…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 rows to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>court decision, protective order №…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports to the police (times a month)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special requirements: the court sets 1 to 4 times a month; the checks follow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order extended until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis of the extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support centre referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who, to which centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Referral da&amp;y</translation>
    </message>
    <message>
        <source>Breaches (art. 461)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New preventive registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preventive registration: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first check is due one interval after the registration date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last check {last}, next due {due}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register printout (journal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talon of an appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This half-year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last half-year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation «Uchastok» (1 Sep – 1 Nov)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talon number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n page(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No report yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current database is kept beside it before it is replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the current database with this backup?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Retention periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records kept longer than their register&apos;s retention period. Destroying removes them from this database (the record, its search words and the values in its audit entries) and, with the next package, from the district office&apos;s copy. The audit trail keeps who destroyed what and when. Records that other records refer to are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept, years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source of the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy the records of %1 past the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records past their retention period: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no record can be destroyed (other records refer to those past the period).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy %1 records of «%2» dated before %3? They cannot be restored, and the district office destroys its copies too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records stay: other records refer to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroying records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 records destroyed (audit entry %3). The destruction goes to the district office with the next package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of destroyed records beside the backups is updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of destroyed records beside the backups was not updated (%1). The records are destroyed; the next backup writes the list: until then a restore on a new PC from that folder brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerActions</name>
    <message>
        <source>Connect to a &amp;server database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerConnectDialog</name>
    <message>
        <source>Connect to the district&apos;s server database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not saved: it is asked each time. The connection is encrypted (TLS) whenever the server offers it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account in the program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;ssword:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the field «%1».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionGuard</name>
    <message>
        <source>Change &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program switches at once; the choice is remembered on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point (saved in the database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example, a USB stick or a network folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after minutes without use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRP by year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRP, tenge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table comes from the district office with the reference data; fines are shown in tenge at the MRP of the offence&apos;s year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffForm</name>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: {name} ({login})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export for the district office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import packages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import from the district office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward to the region…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol a point ahead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a corrected &amp;catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet acknowledged by the district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last acknowledged by the district: %1 (export %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The point&apos;s key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key files (*.pub *.json);;All (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol a point ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District of point %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol point %1 “%2” of district %3?

Fingerprint:
%4

Compare it with the district office (by phone) before you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to the region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points&apos; packages to forward to the region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync packages (*.isync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the files to the region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding to the region…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded to the region</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <source>A temporary password for %1 (%2). Tell it to the officer: they choose their own at the next login.</source>
        <translation>A temporary password for %1 (%2). Tell it to the officer: they choose their own at the next login.</translation>
    </message>
    <message>
        <source>Temporary password:</source>
        <translation>Temporary password:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>TerritoryDialog</name>
    <message>
        <source>Territory of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) will see only the points ticked here, from the next login. Nothing ticked: every point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Districts (every point of the district):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>The program is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after inactivity. Password of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persons met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print record</source>
        <translation>Print record</translation>
    </message>
    <message>
        <source>Preview and print the visit record (Ctrl+P)</source>
        <translation>Preview and print the visit record (Ctrl+P)</translation>
    </message>
    <message>
        <source>New preventive visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preventive visit of {date}, {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last visited {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not visited yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

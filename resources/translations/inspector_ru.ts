<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>AccountPage</name>
    <message>
        <source>Your account</source>
        <translation>Ваша учетная запись</translation>
    </message>
    <message>
        <source>Surname Name Patronymic</source>
        <translation>Фамилия Имя Отчество</translation>
    </message>
    <message>
        <source>Encrypt the database file (recommended)</source>
        <translation>Зашифровать файл базы (рекомендуется)</translation>
    </message>
    <message>
        <source>The file then opens only with an account&apos;s password; a recovery sheet for the point&apos;s safe is saved next.</source>
        <translation>Тогда файл открывается только паролем учетной записи; затем сохраняется лист восстановления для сейфа пункта.</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>ФИО:</translation>
    </message>
    <message>
        <source>Rank:</source>
        <translation>Звание:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Пароль еще раз:</translation>
    </message>
    <message>
        <source>The district office&apos;s operator, who imports the points&apos; files.</source>
        <translation>Оператор районного отдела, который загружает файлы пунктов.</translation>
    </message>
    <message>
        <source>The head of the point (senior inspector): records like any inspector and, on the Accounts page, gives the point&apos;s other officers their accounts.</source>
        <translation>Руководитель пункта (старший УИП): ведет учет, как любой инспектор, и на странице «Учетные записи» заводит учетные записи другим сотрудникам пункта.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>Учетные записи</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Новая учетная запись</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Сбросить пароль…</translation>
    </message>
    <message>
        <source>Territory…</source>
        <translation>Территория…</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Звание</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активна</translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation>Номер жетона</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Территория</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>district %1</source>
        <translation>отдел %1</translation>
    </message>
    <message>
        <source>every point</source>
        <translation>все пункты</translation>
    </message>
    <message>
        <source>Accounts: %1</source>
        <translation>Учетных записей: %1</translation>
    </message>
    <message>
        <source>Reactivate…</source>
        <translation>Включить…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Отключить…</translation>
    </message>
    <message>
        <source>Territory of %1 saved: it applies from the next login.</source>
        <translation>Территория %1 сохранена: действует со следующего входа.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Сброс пароля</translation>
    </message>
    <message>
        <source>Password of %1 reset: it must be changed at the next login.</source>
        <translation>Пароль %1 сброшен: его нужно сменить при следующем входе.</translation>
    </message>
    <message>
        <source>Reactivate the account</source>
        <translation>Включение учетной записи</translation>
    </message>
    <message>
        <source>Account %1 reactivated.</source>
        <translation>Учетная запись %1 снова включена.</translation>
    </message>
    <message>
        <source>Deactivate the account</source>
        <translation>Отключение учетной записи</translation>
    </message>
    <message>
        <source>Deactivate the account of %1 (%2)? It can no longer log in; the records keep the officer&apos;s name.</source>
        <translation>Отключить учетную запись %1 (%2)? Войти с ней будет нельзя; в записях останется имя сотрудника.</translation>
    </message>
    <message>
        <source>Account %1 deactivated.</source>
        <translation>Учетная запись %1 отключена.</translation>
    </message>
</context>
<context>
    <name>AddressCombo</name>
    <message>
        <source>street, house — or type any address</source>
        <translation>улица, дом — или введите любой адрес</translation>
    </message>
</context>
<context>
    <name>AddressForm</name>
    <message>
        <source>Street</source>
        <translation>Улица</translation>
    </message>
    <message>
        <source>House</source>
        <translation>Дом</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Тип жилья</translation>
    </message>
    <message>
        <source>Flats</source>
        <translation>Квартир</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Жителей</translation>
    </message>
    <message>
        <source>Housing cooperative</source>
        <translation>КСК/ОСИ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>Новый адрес</translation>
    </message>
    <message>
        <source>Address: {street}, {house}</source>
        <translation>Адрес: {street}, {house}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Precinct inspector</source>
        <translation>Участковый инспектор</translation>
    </message>
    <message>
        <source>Preparing demo data…</source>
        <translation>Готовим демонстрационные данные…</translation>
    </message>
</context>
<context>
    <name>AppealForm</name>
    <message>
        <source>Received</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>eOtinish number</source>
        <translation>Номер eOtinish</translation>
    </message>
    <message>
        <source>official number of «Электронные обращения»</source>
        <translation>официальный номер «Электронных обращений»</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Anonymous (only a report of a crime)</source>
        <translation>Анонимно (только сообщение о преступлении)</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Суть обращения</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Принял</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Дата решения</translation>
    </message>
    <message>
        <source>protocol number</source>
        <translation>номер протокола</translation>
    </message>
    <message>
        <source>Offence protocol</source>
        <translation>Протокол об АП</translation>
    </message>
    <message>
        <source>ЕРДР number</source>
        <translation>Номер ЕРДР</translation>
    </message>
    <message>
        <source>Print talon</source>
        <translation>Печать талона</translation>
    </message>
    <message>
        <source>Print the talon for the citizen (Ctrl+P)</source>
        <translation>Напечатать талон для гражданина (Ctrl+P)</translation>
    </message>
    <message>
        <source>Term counts from</source>
        <translation>Срок исчисляется с</translation>
    </message>
    <message>
        <source>Outside our competence: forward within 3 working days</source>
        <translation>Не по компетенции: перенаправить за 3 раб. дня</translation>
    </message>
    <message>
        <source>Receiving body</source>
        <translation>Орган-получатель</translation>
    </message>
    <message>
        <source>Why extended</source>
        <translation>Мотивы продления</translation>
    </message>
    <message>
        <source>New term, extended</source>
        <translation>Срок продлён до</translation>
    </message>
    <message>
        <source>Extension decided on</source>
        <translation>Решение о продлении от</translation>
    </message>
    <message>
        <source>Citizen notified (day)</source>
        <translation>Заявитель извещён</translation>
    </message>
    <message>
        <source>By a reasoned decision of the head, at most two months after receipt; the applicant is told within 3 working days (АППК art. 76 p. 2)</source>
        <translation>Мотивированным решением руководителя, не более чем до двух месяцев со дня поступления; заявитель извещается в течение 3 рабочих дней (АППК ст. 76 п. 2)</translation>
    </message>
    <message>
        <source>New appeal</source>
        <translation>Новое обращение</translation>
    </message>
    <message>
        <source>Appeal, talon № {number}</source>
        <translation>Обращение, талон № {number}</translation>
    </message>
    <message>
        <source>Saved. Talon № {number} of {date}</source>
        <translation>Сохранено. Талон № {number} от {date}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>%1 (received on a day off: the next working day)</source>
        <translation>%1 (поступило в выходной: следующий рабочий день)</translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <source>Area passport</source>
        <translation>Паспорт участка</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Улица</translation>
    </message>
    <message>
        <source>House</source>
        <translation>Дом</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Flats</source>
        <translation>Квартир</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Жителей</translation>
    </message>
    <message>
        <source>KSK/OSI</source>
        <translation>КСК/ОСИ</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Председатель</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Последнее посещение</translation>
    </message>
    <message>
        <source>Visits this year</source>
        <translation>Посещений в этом году</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БИН</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>Домов</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <source>Organisations (KSK/OSI)</source>
        <translation>Организации (КСК/ОСИ)</translation>
    </message>
    <message>
        <source>Only households not visited this year</source>
        <translation>Только не посещенные в этом году</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>Новый адрес</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Новая организация</translation>
    </message>
    <message>
        <source>Open chat</source>
        <translation>Открыть чат</translation>
    </message>
    <message>
        <source>Open the selected organisation&apos;s chat link</source>
        <translation>Открыть ссылку на чат выбранной организации</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Buildings: %1 · not visited since %2: %3 · organisations: %4</source>
        <translation>Домов: %1 · не посещено с %2: %3 · организаций: %4</translation>
    </message>
</context>
<context>
    <name>ArticlePicker</name>
    <message>
        <source>Article number or words of its title</source>
        <translation>Номер статьи или слова из названия</translation>
    </message>
    <message>
        <source>All articles (Alt+Down)</source>
        <translation>Все статьи (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид записи</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation>Измененные поля</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Only the administrator may read the audit log.</source>
        <translation>Журнал аудита может просматривать только администратор.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид записи:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Все пользователи</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все виды записей</translation>
    </message>
    <message>
        <source>Entries: %1</source>
        <translation>Записей: %1</translation>
    </message>
</context>
<context>
    <name>BackupFolder</name>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Папка резервных копий</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записей</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Граждан</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>Обращений</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Протоколов</translation>
    </message>
    <message>
        <source>Size, MB</source>
        <translation>Размер, МБ</translation>
    </message>
</context>
<context>
    <name>BackupNowDialog</name>
    <message>
        <source>Back up now</source>
        <translation>Создать резервную копию</translation>
    </message>
    <message>
        <source>The copy is made while you work and checked after writing.</source>
        <translation>Копия создается, пока вы работаете, и проверяется после записи.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Создание резервной копии…</translation>
    </message>
    <message>
        <source>The backup failed.</source>
        <translation>Не удалось создать резервную копию.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Смена пароля</translation>
    </message>
    <message>
        <source>Your password was reset by the administrator. Choose a new one to continue.</source>
        <translation>Администратор сбросил ваш пароль. Чтобы продолжить, задайте новый.</translation>
    </message>
    <message>
        <source>At least 8 characters; it must not contain your login.</source>
        <translation>Не короче 8 знаков и без вашего логина.</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Текущий пароль:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>Новый пароль еще раз:</translation>
    </message>
    <message>
        <source>The new passwords do not match.</source>
        <translation>Новые пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>ConnectionLabel</name>
    <message>
        <source>Server %1: encrypted (TLS)</source>
        <translation>Сервер %1: зашифровано (TLS)</translation>
    </message>
    <message>
        <source>Server %1: NOT encrypted</source>
        <translation>Сервер %1: НЕ зашифровано</translation>
    </message>
</context>
<context>
    <name>CrimeReportForm</name>
    <message>
        <source>Received</source>
        <translation>Поступило</translation>
    </message>
    <message>
        <source>How received</source>
        <translation>Как поступило</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Принял</translation>
    </message>
    <message>
        <source>Register by</source>
        <translation>Зарегистрировать до</translation>
    </message>
    <message>
        <source>%1 hours after receipt: the team&apos;s working figure, not found in the law (unverified reference data the district corrects)</source>
        <translation>%1 ч с момента поступления: рабочая норма команды, в законе не найдена (непроверенные справочные данные, район может исправить)</translation>
    </message>
    <message>
        <source>Registered in the КУИ</source>
        <translation>Зарегистрировано в КУИ</translation>
    </message>
    <message>
        <source>КУИ number</source>
        <translation>Номер КУИ</translation>
    </message>
    <message>
        <source>Check due</source>
        <translation>Срок проверки</translation>
    </message>
    <message>
        <source>Check extended until</source>
        <translation>Проверка продлена до</translation>
    </message>
    <message>
        <source>Grounds for the extension</source>
        <translation>Основание продления</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Дата решения</translation>
    </message>
    <message>
        <source>ЕРДР number</source>
        <translation>Номер ЕРДР</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>Кому передано</translation>
    </message>
    <message>
        <source>unit, position, name</source>
        <translation>подразделение, должность, ФИО</translation>
    </message>
    <message>
        <source>Handed on</source>
        <translation>Дата передачи</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>Печать талона-уведомления</translation>
    </message>
    <message>
        <source>Preview and print the notice for the person who reported (Ctrl+P)</source>
        <translation>Просмотр и печать талона-уведомления для заявителя (Ctrl+P)</translation>
    </message>
    <message>
        <source>New КУИ record</source>
        <translation>Новая запись КУИ</translation>
    </message>
    <message>
        <source>КУИ record of {date}</source>
        <translation>Запись КУИ от {date}</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>The database is damaged</source>
        <translation>База данных повреждена</translation>
    </message>
    <message>
        <source>The latest good backup:</source>
        <translation>Последняя исправная резервная копия:</translation>
    </message>
    <message>
        <source>No good backup was found. Choose a backup file, or ask the district office for help; the damaged file is left untouched.</source>
        <translation>Исправная резервная копия не найдена. Выберите файл резервной копии или обратитесь за помощью в отдел полиции; поврежденный файл останется нетронутым.</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Восстановить из этой копии</translation>
    </message>
    <message>
        <source>Choose another backup…</source>
        <translation>Выбрать другую копию…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Файл резервной копии</translation>
    </message>
    <message>
        <source>Backups (*.db)</source>
        <translation>Резервные копии (*.db)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Choose from the calendar (Alt+Down)</source>
        <translation>Выбрать в календаре (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>%1, date</source>
        <translation>%1, дата</translation>
    </message>
    <message>
        <source>%1, time</source>
        <translation>%1, время</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Print preview</source>
        <translation>Предпросмотр печати</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Сохранить как…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>Сохранить документ</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ErrorMessage</name>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for the district office</source>
        <translation>Выгрузка для отдела полиции</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Load the district&apos;s key…</source>
        <translation>Загрузить ключ отдела…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Everything, not only the changes since the last acknowledgement</source>
        <translation>Все данные, а не только изменения после последнего подтверждения</translation>
    </message>
    <message>
        <source>Restored from a backup, and nothing was sent to the district after that backup</source>
        <translation>Восстановлено из резервной копии, и после этой копии в отдел ничего не отправлялось</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Выгрузить</translation>
    </message>
    <message>
        <source>District office:</source>
        <translation>Отдел полиции:</translation>
    </message>
    <message>
        <source>This point&apos;s key:</source>
        <translation>Ключ этого пункта:</translation>
    </message>
    <message>
        <source>Acknowledged:</source>
        <translation>Подтверждено:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Not set: load the key file the district office gave you.</source>
        <translation>Не задан: загрузите файл ключа, полученный в отделе полиции.</translation>
    </message>
    <message>
        <source>Replace the district&apos;s key…</source>
        <translation>Заменить ключ отдела…</translation>
    </message>
    <message>
        <source>never yet</source>
        <translation>еще ни разу</translation>
    </message>
    <message>
        <source>export no. %1 on %2</source>
        <translation>выгрузка № %1 от %2</translation>
    </message>
    <message>
        <source>Folder for the file</source>
        <translation>Папка для файла</translation>
    </message>
    <message>
        <source>The district&apos;s key file</source>
        <translation>Файл ключа отдела</translation>
    </message>
    <message>
        <source>Key files (*.pub *.json);;All (*)</source>
        <translation>Файлы ключей (*.pub *.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Trust the key of %1 “%2”?

Fingerprint:
%3

Compare it with the district office (by phone) before you confirm.</source>
        <translation>Доверять ключу %1 «%2»?

Отпечаток ключа:
%3

Перед подтверждением сверьте его с отделом полиции (по телефону).</translation>
    </message>
    <message>
        <source>District office key</source>
        <translation>Ключ отдела полиции</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Запись файла…</translation>
    </message>
</context>
<context>
    <name>FeedbackForm</name>
    <message>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>At the meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Rating of police work</source>
        <translation>Оценка работы полиции</translation>
    </message>
    <message>
        <source>Trusts the police</source>
        <translation>Доверяет полиции</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Main security concerns</source>
        <translation>Главные проблемы</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>New survey answer</source>
        <translation>Новая анкета</translation>
    </message>
    <message>
        <source>Survey answer of {date}</source>
        <translation>Анкета от {date}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All time</source>
        <translation>За все время</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Эта неделя</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <source>Operation «Uchastok» (1 Sep – 1 Nov)</source>
        <translation>ОПМ «Участок» (1 сент. – 1 нояб.)</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Произвольный период</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Состоят на учете</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Сняты с учета</translation>
    </message>
    <message>
        <source>Not forwarded in 3 working days</source>
        <translation>Не перенаправлены за 3 рабочих дня</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>All inspectors</source>
        <translation>Все инспекторы</translation>
    </message>
    <message>
        <source>All points</source>
        <translation>Все пункты</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Search: name, IIN, number, text…</source>
        <translation>Поиск: ФИО, ИИН, номер, текст…</translation>
    </message>
    <message>
        <source>Every word is matched at the start of a word; ё and е are the same</source>
        <translation>Каждое слово ищется по началу слова; ё и е не различаются</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To (inclusive)</source>
        <translation>По (включительно)</translation>
    </message>
    <message>
        <source>Any topic</source>
        <translation>Любая тема</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Любая категория</translation>
    </message>
    <message>
        <source>Any article</source>
        <translation>Любая статья</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Любой вид</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up the program</source>
        <translation>Настройка программы</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>User manual</source>
        <translation>Руководство пользователя</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Good day, %1</source>
        <translation>Добрый день, %1</translation>
    </message>
    <message>
        <source>Good day</source>
        <translation>Добрый день</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>Новая запись:</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <source>КУИ</source>
        <translation>КУИ</translation>
    </message>
    <message>
        <source>A report of a crime: into the book of information (КУИ)</source>
        <translation>Заявление о преступлении: в книгу учета информации (КУИ)</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Обход</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>На учет</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Survey answer</source>
        <translation>Анкета</translation>
    </message>
    <message>
        <source>Receive a citizen: a new appeal with a talon</source>
        <translation>Прием гражданина: новое обращение с талоном</translation>
    </message>
    <message>
        <source>A new preventive visit or door-to-door round</source>
        <translation>Новый профилактический или подворный обход</translation>
    </message>
    <message>
        <source>A new administrative offence protocol</source>
        <translation>Новый протокол об административном правонарушении</translation>
    </message>
    <message>
        <source>Put a person on preventive registration</source>
        <translation>Поставить гражданина на профилактический учет</translation>
    </message>
    <message>
        <source>A new meeting with the population</source>
        <translation>Новая встреча с населением</translation>
    </message>
    <message>
        <source>A resident&apos;s answers to the survey</source>
        <translation>Ответы жителя на анкету</translation>
    </message>
    <message>
        <source>Not forwarded in 3 working days</source>
        <translation>Не перенаправлено за 3 рабочих дня</translation>
    </message>
    <message>
        <source>Tell the citizen of the extension</source>
        <translation>Уведомить заявителя о продлении срока</translation>
    </message>
    <message>
        <source>No order ran that day: check it</source>
        <translation>В тот день не действовало ни одно предписание: проверьте</translation>
    </message>
    <message numerus="yes">
        <source>%n orders ran that day: choose one</source>
        <translation>
            <numerusform>В тот день действовало %n предписание: выберите одно</numerusform>
            <numerusform>В тот день действовало %n предписания: выберите одно</numerusform>
            <numerusform>В тот день действовало %n предписаний: выберите одно</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Record this check…</source>
        <translation>Записать проверку…</translation>
    </message>
    <message>
        <source>Open the registration</source>
        <translation>Открыть учет</translation>
    </message>
    <message>
        <source>Figures: today and this month</source>
        <translation>Показатели: сегодня и за месяц</translation>
    </message>
    <message>
        <source>Open the register</source>
        <translation>Открыть журнал</translation>
    </message>
    <message>
        <source>Check due</source>
        <translation>Срок проверки</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Гражданин</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Последняя проверка</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Talon</source>
        <translation>Талон</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Правонарушение</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Правонарушитель</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Registration checks due within a week or overdue</source>
        <translation>Проверки подучетных лиц: срок в течение недели или просрочен</translation>
    </message>
    <message>
        <source>Appeals past their due date</source>
        <translation>Обращения с истекшим сроком</translation>
    </message>
    <message>
        <source>overdue: %1</source>
        <translation>просрочено: %1</translation>
    </message>
    <message>
        <source>КУИ: registration and check deadlines</source>
        <translation>КУИ: сроки регистрации и проверки</translation>
    </message>
    <message>
        <source>Breaches (КоАП art. 461) not linked to their order</source>
        <translation>Нарушения (ст. 461 КоАП), не связанные с предписанием</translation>
    </message>
    <message>
        <source>Latest records</source>
        <translation>Последние записи</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>today · %1 this month</source>
        <translation>сегодня · %1 за месяц</translation>
    </message>
    <message>
        <source>No checks due this week</source>
        <translation>На этой неделе проверок нет</translation>
    </message>
    <message>
        <source>No overdue appeals</source>
        <translation>Просроченных обращений нет</translation>
    </message>
    <message>
        <source>No КУИ records waiting</source>
        <translation>Нет записей КУИ в работе</translation>
    </message>
    <message>
        <source>No records yet</source>
        <translation>Записей пока нет</translation>
    </message>
    <message>
        <source>Overdue checks: %1 · overdue appeals: %2</source>
        <translation>Просрочено проверок: %1 · обращений: %2</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import packages</source>
        <translation>Импорт пакетов</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Add files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>Добавить папку…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новых</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Без изменений</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>Files to import:</source>
        <translation>Файлы для импорта:</translation>
    </message>
    <message>
        <source>Package files</source>
        <translation>Файлы пакетов</translation>
    </message>
    <message>
        <source>Packages (*.isync);;All (*)</source>
        <translation>Пакеты (*.isync);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Folder with packages</source>
        <translation>Папка с пакетами</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Проверка файлов…</translation>
    </message>
    <message>
        <source>A package comes from point %1, not enrolled yet.

Key fingerprint:
%2

Compare it with the point (by phone). Enrol the point and import its files?</source>
        <translation>Пакет получен от пункта %1, который еще не зарегистрирован.

Отпечаток ключа:
%2

Сверьте его с пунктом (по телефону). Зарегистрировать пункт и импортировать его файлы?</translation>
    </message>
    <message>
        <source>New point</source>
        <translation>Новый пункт</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Saving: building indexes, writing the receipts…</source>
        <translation>Сохранение: построение индексов, запись квитанций…</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импортирован</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>уже импортирован</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отклонен</translation>
    </message>
    <message>
        <source>Files written for the points (take them back): %1</source>
        <translation>Записаны файлы для пунктов (передайте их на пункты): %1</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <source>This computer has no database yet. Three short steps create it.</source>
        <translation>На этом компьютере еще нет базы данных. Создадим ее за три коротких шага.</translation>
    </message>
    <message>
        <source>Precinct police point (UPP): the inspector&apos;s database</source>
        <translation>Участковый пункт полиции (УПП): база участкового инспектора</translation>
    </message>
    <message>
        <source>District police office: collects the points&apos; files</source>
        <translation>Отдел полиции района: собирает файлы пунктов</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>База данных: %1</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>&amp;Server database…</source>
        <translation>База на &amp;сервере…</translation>
    </message>
    <message>
        <source>Connect to the district&apos;s database on a server instead of this PC&apos;s file</source>
        <translation>Подключиться к районной базе на сервере вместо файла этого ПК</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Открытие базы данных…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New record…</source>
        <translation>&amp;Новая запись…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About the program</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>no user</source>
        <translation>без пользователя</translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation>(в памяти)</translation>
    </message>
    <message>
        <source>The offline desk of a precinct police inspector: registers, reports and sync with the district office by file.</source>
        <translation>Рабочее место участкового инспектора без интернета: журналы, отчеты и обмен данными с отделом полиции через файлы.</translation>
    </message>
    <message>
        <source>Fonts: DejaVu (Bitstream Vera licence; DejaVu changes are in the public domain).</source>
        <translation>Шрифты: DejaVu (лицензия Bitstream Vera; изменения DejaVu — общественное достояние).</translation>
    </message>
    <message>
        <source>Icons: drawn for this program, CC0 1.0 (public domain).</source>
        <translation>Значки: нарисованы для этой программы, CC0 1.0 (общественное достояние).</translation>
    </message>
    <message>
        <source>Qt for Python (PySide6): LGPL v3.</source>
        <translation>Библиотека Qt for Python (PySide6): LGPL v3.</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>About the program</source>
        <translation>О программе</translation>
    </message>
</context>
<context>
    <name>ManualAction</name>
    <message>
        <source>&amp;User manual</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Attendance (persons)</source>
        <translation>Присутствовало, человек</translation>
    </message>
    <message>
        <source>Questions raised</source>
        <translation>Поднятые вопросы</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Решения</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>New meeting with the population</source>
        <translation>Новая встреча с населением</translation>
    </message>
    <message>
        <source>Meeting of {date}</source>
        <translation>Встреча {date}</translation>
    </message>
</context>
<context>
    <name>OffenceForm</name>
    <message>
        <source>Committed</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Правонарушитель</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Потерпевший</translation>
    </message>
    <message>
        <source>Liable as</source>
        <translation>Субъект ответственности</translation>
    </message>
    <message>
        <source>Article, part</source>
        <translation>Статья КоАП, часть</translation>
    </message>
    <message>
        <source>Breached order</source>
        <translation>Нарушенное предписание или требования</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Фабула</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Взыскание</translation>
    </message>
    <message>
        <source>Fine, МРП</source>
        <translation>Штраф, МРП</translation>
    </message>
    <message>
        <source>Public works, hours</source>
        <translation>Общественные работы, часов</translation>
    </message>
    <message>
        <source>Arrest, days</source>
        <translation>Арест, суток</translation>
    </message>
    <message>
        <source>Consent to public works</source>
        <translation>Со&amp;гласие на общественные работы</translation>
    </message>
    <message>
        <source>Consent given or refused on</source>
        <translation>Дата сог&amp;ласия или отказа</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>ЕРАП number</source>
        <translation>Номер ЕРАП</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>Print protocol</source>
        <translation>Печать протокола</translation>
    </message>
    <message>
        <source>Preview and print the protocol (Ctrl+P)</source>
        <translation>Просмотреть и распечатать протокол (Ctrl+P)</translation>
    </message>
    <message>
        <source>New offence protocol</source>
        <translation>Новый протокол об АП</translation>
    </message>
    <message>
        <source>Offence protocol № {number}</source>
        <translation>Протокол об АП № {number}</translation>
    </message>
    <message>
        <source>Saved. Protocol № {number}</source>
        <translation>Сохранено. Протокол № {number}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>no МРП for {year} in the table</source>
        <translation>в таблице нет МРП за {year} год</translation>
    </message>
    <message>
        <source>1 МРП in {year} = {amount}</source>
        <translation>1 МРП в {year} г. = {amount}</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БИН</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Председатель</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Chat link</source>
        <translation>Ссылка на чат</translation>
    </message>
    <message>
        <source>a link such as https://chat.whatsapp.com/…</source>
        <translation>ссылка вида https://chat.whatsapp.com/…</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Новая организация</translation>
    </message>
    <message>
        <source>Organisation: {name}</source>
        <translation>Организация: {name}</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Surname</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 цифр</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ИИН</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Новый гражданин</translation>
    </message>
    <message>
        <source>Person: {name}</source>
        <translation>Гражданин: {name}</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>IIN {iin}</source>
        <translation>ИИН {iin}</translation>
    </message>
    <message>
        <source>no IIN</source>
        <translation>без ИИН</translation>
    </message>
    <message>
        <source>Surname, name or IIN</source>
        <translation>Фамилия, имя или ИИН</translation>
    </message>
    <message>
        <source>New person (Insert)</source>
        <translation>Новый гражданин (Insert)</translation>
    </message>
    <message>
        <source>New person «{text}»…</source>
        <translation>Новый гражданин «{text}»…</translation>
    </message>
</context>
<context>
    <name>PointsModel</name>
    <message>
        <source>Point</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Last package</source>
        <translation>Последний пакет</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>Дней прошло</translation>
    </message>
    <message>
        <source>Export no.</source>
        <translation>№ выгрузки</translation>
    </message>
    <message>
        <source>Held up to</source>
        <translation>Получено по №</translation>
    </message>
    <message>
        <source>Missing exports</source>
        <translation>Недостающие выгрузки</translation>
    </message>
    <message>
        <source>Refused files</source>
        <translation>Отклоненные файлы</translation>
    </message>
    <message>
        <source>Region holds up to</source>
        <translation>В области по №</translation>
    </message>
    <message>
        <source>To forward</source>
        <translation>Переслать в область</translation>
    </message>
    <message>
        <source>No package for more than %1 days.</source>
        <translation>Нет пакетов более %1 дн.</translation>
    </message>
</context>
<context>
    <name>PointsOverview</name>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Refused files from unknown senders:</source>
        <translation>Отклоненные файлы от неизвестных отправителей:</translation>
    </message>
    <message>
        <source>Points: %1, without recent packages: %2, with missing exports: %3</source>
        <translation>Пунктов: %1, без свежих пакетов: %2, с недостающими выгрузками: %3</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>The point</source>
        <translation>Пункт полиции</translation>
    </message>
    <message>
        <source>How the point is named in registers, talons and reports.</source>
        <translation>Как пункт называется в журналах, талонах и отчетах.</translation>
    </message>
    <message>
        <source>e.g. UPP No. 17</source>
        <translation>например, УПП №17</translation>
    </message>
    <message>
        <source>Reception hours:</source>
        <translation>Часы приема:</translation>
    </message>
    <message>
        <source>Point code:</source>
        <translation>Код пункта:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Наименование:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Область:</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>Район:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>The district office</source>
        <translation>Отдел полиции</translation>
    </message>
</context>
<context>
    <name>Protection</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Резервная копия сейчас…</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>&amp;Восстановить из копии…</translation>
    </message>
    <message>
        <source>Destroyed records</source>
        <translation>Уничтоженные записи</translation>
    </message>
    <message>
        <source>Unencrypted backups</source>
        <translation>Незашифрованные резервные копии</translation>
    </message>
    <message numerus="yes">
        <source>The database is encrypted, but %n backup(s) made before the encryption still hold its data unencrypted in %1. Encrypt them now, or delete them?</source>
        <translation>
            <numerusform>База зашифрована, но %n резервная копия, сделанная до шифрования, хранит её данные незашифрованными в %1. Зашифровать её сейчас или удалить?</numerusform>
            <numerusform>База зашифрована, но %n резервные копии, сделанные до шифрования, хранят её данные незашифрованными в %1. Зашифровать их сейчас или удалить?</numerusform>
            <numerusform>База зашифрована, но %n резервных копий, сделанных до шифрования, хранят её данные незашифрованными в %1. Зашифровать их сейчас или удалить?</numerusform>
        </translation>
    </message>
    <message>
        <source>Encrypt them</source>
        <translation>Зашифровать</translation>
    </message>
    <message>
        <source>Delete them</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Securing the old backups…</source>
        <translation>Защита старых резервных копий…</translation>
    </message>
    <message numerus="yes">
        <source>Backups dealt with: %n.</source>
        <translation>
            <numerusform>Обработана %n резервная копия.</numerusform>
            <numerusform>Обработаны %n резервные копии.</numerusform>
            <numerusform>Обработано %n резервных копий.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановление из копии</translation>
    </message>
    <message>
        <source>The program closes, puts the backup in place of the database (the current file is kept beside it) and starts again. Continue?</source>
        <translation>Программа закроется, заменит базу данных резервной копией (текущий файл сохранится рядом) и запустится снова. Продолжить?</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>* required field</source>
        <translation>* обязательное поле</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>required field</source>
        <translation>обязательное поле</translation>
    </message>
    <message>
        <source>Discard the changes you made?</source>
        <translation>Не сохранять внесенные изменения?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <source>Continue editing</source>
        <translation>Продолжить редактирование</translation>
    </message>
    <message>
        <source>read only</source>
        <translation>только просмотр</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Read only: you may not change this record.</source>
        <translation>Только просмотр: у вас нет прав изменять эту запись.</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>History: %1 %2</source>
        <translation>История: %1 %2</translation>
    </message>
</context>
<context>
    <name>RecordHistoryModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Прежнее значение</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Новое значение</translation>
    </message>
</context>
<context>
    <name>RecoverySheetDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Ключ восстановления</translation>
    </message>
    <message>
        <source>The database is now encrypted: it opens only with an account&apos;s password. If every password is lost, only this recovery key opens it, and the program shows it only now.

1. Save the recovery sheet as a PDF and print it, or write the key down by hand.
2. Keep the paper in the point&apos;s safe.
3. Delete the PDF file once it is printed.</source>
        <translation>База теперь зашифрована: она открывается только паролем учетной записи. Если все пароли утеряны, базу откроет только этот ключ восстановления, и программа показывает его только сейчас.

1. Сохраните лист восстановления в PDF и распечатайте его или перепишите ключ от руки.
2. Храните лист в сейфе пункта.
3. Распечатав лист, удалите файл PDF.</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Ключ восстановления:</translation>
    </message>
    <message>
        <source>&amp;Save the sheet as PDF…</source>
        <translation>&amp;Сохранить лист в PDF…</translation>
    </message>
    <message>
        <source>I have &amp;printed the sheet or written the key down, and it goes to the point&apos;s safe</source>
        <translation>Я &amp;распечатал лист или переписал ключ, он будет храниться в сейфе пункта</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Готово</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Сохранить лист восстановления</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The sheet could not be saved to %1: %2. Choose another folder, or write the key down.</source>
        <translation>Не удалось сохранить лист в %1: %2. Выберите другую папку или перепишите ключ.</translation>
    </message>
    <message>
        <source>The sheet was saved to %1. Print it now, then delete the file.</source>
        <translation>Лист сохранен в %1. Распечатайте его сейчас, затем удалите файл.</translation>
    </message>
    <message>
        <source>Tick the box once the key is on paper: it cannot be shown again.</source>
        <translation>Поставьте отметку, когда ключ будет на бумаге: показать его снова нельзя.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation>Новая запись (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open the selected record (Enter)</source>
        <translation>Открыть выбранную запись (Enter)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the selected record (Del)</source>
        <translation>Удалить выбранную запись (Del)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>To &amp;Excel</source>
        <translation>В &amp;Excel</translation>
    </message>
    <message>
        <source>Preview and print the selected record&apos;s document</source>
        <translation>Просмотреть и распечатать документ выбранной записи</translation>
    </message>
    <message>
        <source>&amp;Print talon</source>
        <translation>&amp;Печать талона</translation>
    </message>
    <message>
        <source>&amp;Print protocol</source>
        <translation>&amp;Печать протокола</translation>
    </message>
    <message>
        <source>&amp;Print record</source>
        <translation>&amp;Печать справки</translation>
    </message>
    <message>
        <source>&amp;Print notice</source>
        <translation>&amp;Печать талона-уведомления</translation>
    </message>
    <message>
        <source>Delete this record?

%1

It disappears from the registers and reports; the audit trail keeps who deleted it and when.</source>
        <translation>Удалить эту запись?

%1

Она исчезнет из журналов и отчетов; журнал аудита сохранит, кто и когда ее удалил.</translation>
    </message>
    <message>
        <source>Who changed the selected record, and when</source>
        <translation>Кто и когда изменял выбранную запись</translation>
    </message>
    <message>
        <source>Save the rows shown (with these filters) as an Excel or CSV file</source>
        <translation>Сохранить показанные строки (с этими фильтрами) в файл Excel или CSV</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчет…</translation>
    </message>
    <message>
        <source>Records found: %1</source>
        <translation>Найдено записей: %1</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>Удаление записи</translation>
    </message>
    <message>
        <source>Save the register</source>
        <translation>Сохранить журнал</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, semicolon-separated (*.csv)</source>
        <translation>Книга Excel (*.xlsx);;CSV с точкой с запятой (*.csv)</translation>
    </message>
    <message>
        <source>Saving the register…</source>
        <translation>Сохраняем журнал…</translation>
    </message>
    <message>
        <source>Saved %1 rows to %2</source>
        <translation>Сохранено строк: %1 в %2</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <source>Person</source>
        <translation>Гражданин</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Отметки</translation>
    </message>
    <message>
        <source>Basis document</source>
        <translation>Основание</translation>
    </message>
    <message>
        <source>court decision, protective order №…</source>
        <translation>решение суда, защитное предписание №…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Reports to the police (times a month)</source>
        <translation>Явка в ОВД (раз в месяц)</translation>
    </message>
    <message>
        <source>Special requirements: the court sets 1 to 4 times a month; the checks follow it</source>
        <translation>Особые требования: суд устанавливает от 1 до 4 раз в месяц; по ним планируются проверки</translation>
    </message>
    <message>
        <source>Order extended until</source>
        <translation>Предписание продлено до</translation>
    </message>
    <message>
        <source>Basis of the extension</source>
        <translation>Основание продления</translation>
    </message>
    <message>
        <source>Support centre referral</source>
        <translation>Направлен(а) в &amp;центр поддержки</translation>
    </message>
    <message>
        <source>who, to which centre</source>
        <translation>кто, в какой центр</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Дата направ&amp;ления</translation>
    </message>
    <message>
        <source>Breaches (art. 461)</source>
        <translation>Нарушения (ст. 461)</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Поставлен на учет</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Срок учета до</translation>
    </message>
    <message>
        <source>Check every (days)</source>
        <translation>Проверять раз в (дней)</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Проверки</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Снят с учета</translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation>Причина снятия</translation>
    </message>
    <message>
        <source>New preventive registration</source>
        <translation>Постановка на профилактический учет</translation>
    </message>
    <message>
        <source>Preventive registration: {name}</source>
        <translation>Профилактический учет: {name}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>the first check is due one interval after the registration date</source>
        <translation>первая проверка — через один период после постановки на учет</translation>
    </message>
    <message>
        <source>last check {last}, next due {due}</source>
        <translation>последняя {last}, следующая до {due}</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Отчеты</translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation>Отчет о работе</translation>
    </message>
    <message>
        <source>Register printout (journal)</source>
        <translation>Печать журнала</translation>
    </message>
    <message>
        <source>Talon of an appeal</source>
        <translation>Талон обращения</translation>
    </message>
    <message>
        <source>District summary</source>
        <translation>Сводка по району</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Прошлый квартал</translation>
    </message>
    <message>
        <source>This half-year</source>
        <translation>Это полугодие</translation>
    </message>
    <message>
        <source>Last half-year</source>
        <translation>Прошлое полугодие</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Прошлый год</translation>
    </message>
    <message>
        <source>Operation «Uchastok» (1 Sep – 1 Nov)</source>
        <translation>ОПМ «Участок» (1 сент. – 1 нояб.)</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Произвольный период</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Отчет:</translation>
    </message>
    <message>
        <source>Register:</source>
        <translation>Журнал:</translation>
    </message>
    <message>
        <source>Talon number:</source>
        <translation>Номер талона:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Даты:</translation>
    </message>
    <message>
        <source>Inspector:</source>
        <translation>Инспектор:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Whole point</source>
        <translation>Весь пункт</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Сформировать</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>Generating the report…</source>
        <translation>Формируем отчет…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>Отчет сформировать не удалось.</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n page(s).</source>
        <translation>
            <numerusform>Готово: %n страница.</numerusform>
            <numerusform>Готово: %n страницы.</numerusform>
            <numerusform>Готово: %n страниц.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Страниц: %1</translation>
    </message>
    <message>
        <source>No report yet.</source>
        <translation>Отчет еще не сформирован.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Сохранить отчет</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановление из копии</translation>
    </message>
    <message>
        <source>The current database is kept beside it before it is replaced.</source>
        <translation>Перед заменой текущая база данных сохраняется рядом.</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Восстановить…</translation>
    </message>
    <message>
        <source>Replace the current database with this backup?</source>
        <translation>Заменить текущую базу данных этой копией?</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Retention periods</source>
        <translation>Сроки хранения</translation>
    </message>
    <message>
        <source>&amp;Refresh the list</source>
        <translation>&amp;Обновить список</translation>
    </message>
    <message>
        <source>Records kept longer than their register&apos;s retention period. Destroying removes them from this database (the record, its search words and the values in its audit entries) and, with the next package, from the district office&apos;s copy. The audit trail keeps who destroyed what and when. Records that other records refer to are kept.</source>
        <translation>Записи, которые хранятся дольше срока хранения своего журнала. Уничтожение удаляет их из этой базы (саму запись, её слова в поиске и значения в журнале аудита), а со следующим пакетом — и копию в отделе. В журнале аудита остаётся, кто, когда и что уничтожил. Записи, на которые ссылаются другие записи, остаются.</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Kept, years</source>
        <translation>Хранится, лет</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>Считается от</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Ранее</translation>
    </message>
    <message>
        <source>Past the period</source>
        <translation>Старше срока</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>Самая старая</translation>
    </message>
    <message>
        <source>Source of the period</source>
        <translation>Основание срока</translation>
    </message>
    <message>
        <source>Destroy…</source>
        <translation>Уничтожить…</translation>
    </message>
    <message>
        <source>Destroy the records of %1 past the period</source>
        <translation>Уничтожить записи журнала «%1» старше срока</translation>
    </message>
    <message>
        <source>Records past their retention period: %1</source>
        <translation>Записей старше срока хранения: %1</translation>
    </message>
    <message>
        <source>%1: no record can be destroyed (other records refer to those past the period).</source>
        <translation>%1: уничтожить нечего (на записи старше срока ссылаются другие записи).</translation>
    </message>
    <message>
        <source>Destroy %1 records of «%2» dated before %3? They cannot be restored, and the district office destroys its copies too.</source>
        <translation>Уничтожить %1 зап. журнала «%2» ранее %3? Их нельзя будет восстановить, отдел тоже уничтожит свои копии.</translation>
    </message>
    <message>
        <source>%1 records stay: other records refer to them.</source>
        <translation>%1 зап. остаются: на них ссылаются другие записи.</translation>
    </message>
    <message>
        <source>Destroy records</source>
        <translation>Уничтожение записей</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Уничтожить</translation>
    </message>
    <message>
        <source>Destroying records…</source>
        <translation>Уничтожение записей…</translation>
    </message>
    <message>
        <source>%1: %2 records destroyed (audit entry %3). The destruction goes to the district office with the next package.</source>
        <translation>%1: уничтожено %2 зап. (запись журнала аудита № %3). Уничтожение уйдёт в отдел со следующим пакетом.</translation>
    </message>
    <message>
        <source>The list of destroyed records beside the backups is updated: %1</source>
        <translation>Перечень уничтоженных записей рядом с резервными копиями обновлен: %1</translation>
    </message>
    <message>
        <source>The list of destroyed records beside the backups was not updated (%1). The records are destroyed; the next backup writes the list: until then a restore on a new PC from that folder brings them back.</source>
        <translation>Перечень уничтоженных записей рядом с резервными копиями не обновлен (%1). Записи уничтожены; перечень запишет следующая резервная копия: до нее восстановление на новом компьютере из этой папки вернет их.</translation>
    </message>
</context>
<context>
    <name>ServerActions</name>
    <message>
        <source>Connect to a &amp;server database…</source>
        <translation>Подключиться к базе на &amp;сервере…</translation>
    </message>
</context>
<context>
    <name>ServerConnectDialog</name>
    <message>
        <source>Connect to the district&apos;s server database</source>
        <translation>Подключение к районной базе на сервере</translation>
    </message>
    <message>
        <source>Database server</source>
        <translation>Сервер базы данных</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Хост:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <source>Server &amp;user:</source>
        <translation>По&amp;льзователь сервера:</translation>
    </message>
    <message>
        <source>Server pass&amp;word:</source>
        <translation>Пароль с&amp;ервера:</translation>
    </message>
    <message>
        <source>The password is not saved: it is asked each time. The connection is encrypted (TLS) whenever the server offers it.</source>
        <translation>Пароль не сохраняется: он запрашивается каждый раз. Соединение шифруется (TLS), если сервер это поддерживает.</translation>
    </message>
    <message>
        <source>Your account in the program</source>
        <translation>Ваша учетная запись в программе</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>Л&amp;огин:</translation>
    </message>
    <message>
        <source>Pa&amp;ssword:</source>
        <translation>П&amp;ароль:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Хост</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>Server user</source>
        <translation>Пользователь сервера</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Fill in the field «%1».</source>
        <translation>Заполните поле «%1».</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Подключение к серверу…</translation>
    </message>
</context>
<context>
    <name>SessionGuard</name>
    <message>
        <source>Change &amp;password…</source>
        <translation>Сменить &amp;пароль…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The program switches at once; the choice is remembered on this computer.</source>
        <translation>Программа переключится сразу; выбор запоминается на этом компьютере.</translation>
    </message>
    <message>
        <source>Point (saved in the database)</source>
        <translation>Пункт (хранится в базе данных)</translation>
    </message>
    <message>
        <source>Reception hours:</source>
        <translation>Часы приема:</translation>
    </message>
    <message>
        <source>Backup folder (this computer)</source>
        <translation>Папка резервных копий (этот компьютер)</translation>
    </message>
    <message>
        <source>For example, a USB stick or a network folder</source>
        <translation>Например, флешка или сетевая папка</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Security (this computer)</source>
        <translation>Безопасность (этот компьютер)</translation>
    </message>
    <message>
        <source>Lock after minutes without use:</source>
        <translation>Блокировать после простоя, минут:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>MRP by year</source>
        <translation>МРП по годам</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>MRP, tenge</source>
        <translation>МРП, тенге</translation>
    </message>
    <message>
        <source>The table comes from the district office with the reference data; fines are shown in tenge at the MRP of the offence&apos;s year.</source>
        <translation>Таблица приходит из отдела полиции вместе со справочниками; штрафы показываются в тенге по МРП года правонарушения.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Папка резервных копий</translation>
    </message>
</context>
<context>
    <name>StaffForm</name>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Звание</translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation>Номер жетона</translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation>Личный номер</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Временный пароль</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Пароль еще раз</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>Пароли не совпадают</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Новая учетная запись</translation>
    </message>
    <message>
        <source>Account: {name} ({login})</source>
        <translation>Учетная запись: {name} ({login})</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>Points</source>
        <translation>Пункты</translation>
    </message>
    <message>
        <source>&amp;Export for the district office…</source>
        <translation>&amp;Выгрузка для отдела полиции…</translation>
    </message>
    <message>
        <source>&amp;Import packages…</source>
        <translation>&amp;Импорт пакетов…</translation>
    </message>
    <message>
        <source>&amp;Import from the district office…</source>
        <translation>&amp;Импорт из отдела полиции…</translation>
    </message>
    <message>
        <source>&amp;Forward to the region…</source>
        <translation>&amp;Переслать в область…</translation>
    </message>
    <message>
        <source>&amp;Enrol a point ahead…</source>
        <translation>&amp;Зарегистрировать пункт заранее…</translation>
    </message>
    <message>
        <source>Load a corrected &amp;catalogue…</source>
        <translation>Загрузить исправленный &amp;справочник…</translation>
    </message>
    <message>
        <source>Not yet acknowledged by the district</source>
        <translation>Отдел еще не подтвердил получение</translation>
    </message>
    <message>
        <source>Last acknowledged by the district: %1 (export %2)</source>
        <translation>Последнее подтверждение отдела: %1 (выгрузка %2)</translation>
    </message>
    <message>
        <source>Corrected catalogue</source>
        <translation>Исправленный справочник</translation>
    </message>
    <message>
        <source>Catalogue files (*.json)</source>
        <translation>Файлы справочников (*.json)</translation>
    </message>
    <message>
        <source>Catalogue loaded</source>
        <translation>Справочник загружен</translation>
    </message>
    <message>
        <source>The point&apos;s key file</source>
        <translation>Файл ключа пункта</translation>
    </message>
    <message>
        <source>Key files (*.pub *.json);;All (*)</source>
        <translation>Файлы ключей (*.pub *.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Enrol a point ahead</source>
        <translation>Регистрация пункта заранее</translation>
    </message>
    <message>
        <source>District of point %1:</source>
        <translation>Отдел пункта %1:</translation>
    </message>
    <message>
        <source>Enrol point %1 “%2” of district %3?

Fingerprint:
%4

Compare it with the district office (by phone) before you confirm.</source>
        <translation>Зарегистрировать пункт %1 «%2» отдела %3?

Отпечаток ключа:
%4

Перед подтверждением сверьте его с отделом полиции (по телефону).</translation>
    </message>
    <message>
        <source>Forward to the region</source>
        <translation>Пересылка в область</translation>
    </message>
    <message>
        <source>Points&apos; packages to forward to the region</source>
        <translation>Пакеты пунктов для пересылки в область</translation>
    </message>
    <message>
        <source>Sync packages (*.isync)</source>
        <translation>Пакеты обмена (*.isync)</translation>
    </message>
    <message>
        <source>Folder for the files to the region</source>
        <translation>Папка для файлов в область</translation>
    </message>
    <message>
        <source>Forwarding to the region…</source>
        <translation>Пересылка в область…</translation>
    </message>
    <message>
        <source>Forwarded to the region</source>
        <translation>Переслано в область</translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <source>A temporary password for %1 (%2). Tell it to the officer: they choose their own at the next login.</source>
        <translation>Временный пароль для %1 (%2). Сообщите его сотруднику: при следующем входе он выберет свой.</translation>
    </message>
    <message>
        <source>Temporary password:</source>
        <translation>Временный пароль:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Пароль еще раз:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>TerritoryDialog</name>
    <message>
        <source>Territory of %1</source>
        <translation>Территория %1</translation>
    </message>
    <message>
        <source>%1 (%2) will see only the points ticked here, from the next login. Nothing ticked: every point.</source>
        <translation>%1 (%2) со следующего входа будет видеть только отмеченные здесь пункты. Ничего не отмечено — все пункты.</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>Пункты:</translation>
    </message>
    <message>
        <source>Districts (every point of the district):</source>
        <translation>Отделы (все пункты отдела):</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>The program is locked</source>
        <translation>Программа заблокирована</translation>
    </message>
    <message>
        <source>Locked after inactivity. Password of %1:</source>
        <translation>Заблокировано после простоя. Пароль пользователя %1:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Квартира</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Тип жилья</translation>
    </message>
    <message>
        <source>Registration checked</source>
        <translation>Проверяемый учет</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Гражданин</translation>
    </message>
    <message>
        <source>Persons met</source>
        <translation>С кем беседовали</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Выявлено</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>Print record</source>
        <translation>Печать справки</translation>
    </message>
    <message>
        <source>Preview and print the visit record (Ctrl+P)</source>
        <translation>Просмотреть и распечатать справку о посещении (Ctrl+P)</translation>
    </message>
    <message>
        <source>New preventive visit</source>
        <translation>Новый профилактический обход</translation>
    </message>
    <message>
        <source>Preventive visit of {date}, {address}</source>
        <translation>Профилактический обход {date}, {address}</translation>
    </message>
    <message>
        <source>last visited {date}</source>
        <translation>последний обход {date}</translation>
    </message>
    <message>
        <source>not visited yet</source>
        <translation>еще не посещали</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Подождите</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
</TS>

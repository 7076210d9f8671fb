<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en_GB">
<context>
    <name>AccountPage</name>
    <message>
        <source>Your account</source>
        <translation>Сіздің есептік жазбаңыз</translation>
    </message>
    <message>
        <source>Surname Name Patronymic</source>
        <translation>Тегі Аты Әкесінің аты</translation>
    </message>
    <message>
        <source>Encrypt the database file (recommended)</source>
        <translation>Дерекқор файлын шифрлау (ұсынылады)</translation>
    </message>
    <message>
        <source>The file then opens only with an account&apos;s password; a recovery sheet for the point&apos;s safe is saved next.</source>
        <translation>Сонда файл тек есептік жазба құпиясөзімен ашылады; содан кейін пункт сейфіне арналған қалпына келтіру парағы сақталады.</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Аты-жөні:</translation>
    </message>
    <message>
        <source>Rank:</source>
        <translation>Атағы:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Құпиясөз:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Құпиясөзді қайталаңыз:</translation>
    </message>
    <message>
        <source>The district office&apos;s operator, who imports the points&apos; files.</source>
        <translation>Пункттердің файлдарын жүктейтін аудандық бөлім операторы.</translation>
    </message>
    <message>
        <source>The head of the point (senior inspector): records like any inspector and, on the Accounts page, gives the point&apos;s other officers their accounts.</source>
        <translation>Пункт басшысы (аға учаскелік инспектор): кез келген инспектор сияқты есеп жүргізеді және «Есептік жазбалар» бетінде пункттің басқа қызметкерлеріне есептік жазба ашады.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Құпиясөздер сәйкес келмейді.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>Есептік жазбалар</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Жаңа есептік жазба</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Құпиясөзді қалпына келтіру…</translation>
    </message>
    <message>
        <source>Territory…</source>
        <translation>Аумақ…</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Атағы</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Белсенді</translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation>Жетон нөмірі</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Аумақ</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <source>no</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>district %1</source>
        <translation>%1 бөлімі</translation>
    </message>
    <message>
        <source>every point</source>
        <translation>барлық пункттер</translation>
    </message>
    <message>
        <source>Accounts: %1</source>
        <translation>Есептік жазбалар: %1</translation>
    </message>
    <message>
        <source>Reactivate…</source>
        <translation>Қосу…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Өшіру…</translation>
    </message>
    <message>
        <source>Territory of %1 saved: it applies from the next login.</source>
        <translation>%1 аумағы сақталды: келесі кіруден бастап қолданылады.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Құпиясөзді қалпына келтіру</translation>
    </message>
    <message>
        <source>Password of %1 reset: it must be changed at the next login.</source>
        <translation>%1 құпиясөзі қалпына келтірілді: келесі кіргенде оны ауыстыру керек.</translation>
    </message>
    <message>
        <source>Reactivate the account</source>
        <translation>Есептік жазбаны қосу</translation>
    </message>
    <message>
        <source>Account %1 reactivated.</source>
        <translation>%1 есептік жазбасы қайта қосылды.</translation>
    </message>
    <message>
        <source>Deactivate the account</source>
        <translation>Есептік жазбаны өшіру</translation>
    </message>
    <message>
        <source>Deactivate the account of %1 (%2)? It can no longer log in; the records keep the officer&apos;s name.</source>
        <translation>%1 (%2) есептік жазбасын өшіру керек пе? Онымен кіру мүмкін болмайды; жазбаларда қызметкердің аты сақталады.</translation>
    </message>
    <message>
        <source>Account %1 deactivated.</source>
        <translation>%1 есептік жазбасы өшірілді.</translation>
    </message>
</context>
<context>
    <name>AddressCombo</name>
    <message>
        <source>street, house — or type any address</source>
        <translation>көше, үй — немесе кез келген мекенжайды жазыңыз</translation>
    </message>
</context>
<context>
    <name>AddressForm</name>
    <message>
        <source>Street</source>
        <translation>Көше</translation>
    </message>
    <message>
        <source>House</source>
        <translation>Үй</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Тұрғын үй түрі</translation>
    </message>
    <message>
        <source>Flats</source>
        <translation>Пәтерлер</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Тұрғындар</translation>
    </message>
    <message>
        <source>Housing cooperative</source>
        <translation>ПИК/МИБ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>Жаңа мекенжай</translation>
    </message>
    <message>
        <source>Address: {street}, {house}</source>
        <translation>Мекенжай: {street}, {house}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Precinct inspector</source>
        <translation>Учаскелік инспектор</translation>
    </message>
    <message>
        <source>Preparing demo data…</source>
        <translation>Демонстрациялық деректер дайындалуда…</translation>
    </message>
</context>
<context>
    <name>AppealForm</name>
    <message>
        <source>Received</source>
        <translation>Күні мен уақыты</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Арна</translation>
    </message>
    <message>
        <source>eOtinish number</source>
        <translation>eOtinish нөмірі</translation>
    </message>
    <message>
        <source>official number of «Электронные обращения»</source>
        <translation>«Электрондық өтініштер» ресми нөмірі</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тақырыбы</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Өтініш беруші</translation>
    </message>
    <message>
        <source>Anonymous (only a report of a crime)</source>
        <translation>Жасырын (тек қылмыс туралы хабарлама)</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Өтініштің мәні</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Шешім</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Орындаушы</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Қабылдаған</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Мерзімі</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Шешім күні</translation>
    </message>
    <message>
        <source>protocol number</source>
        <translation>хаттама нөмірі</translation>
    </message>
    <message>
        <source>Offence protocol</source>
        <translation>ӘҚБ хаттамасы</translation>
    </message>
    <message>
        <source>ЕРДР number</source>
        <translation>СДТБТ нөмірі</translation>
    </message>
    <message>
        <source>Print talon</source>
        <translation>Талонды басып шығару</translation>
    </message>
    <message>
        <source>Print the talon for the citizen (Ctrl+P)</source>
        <translation>Азаматқа талон басып шығару (Ctrl+P)</translation>
    </message>
    <message>
        <source>Term counts from</source>
        <translation>Мерзім басталатын күн</translation>
    </message>
    <message>
        <source>Outside our competence: forward within 3 working days</source>
        <translation>Құзыретке жатпайды: 3 жұмыс күнінде жолдау</translation>
    </message>
    <message>
        <source>Receiving body</source>
        <translation>Қайда жолданды</translation>
    </message>
    <message>
        <source>Why extended</source>
        <translation>Ұзарту себептері</translation>
    </message>
    <message>
        <source>New term, extended</source>
        <translation>Ұзартылған мерзім</translation>
    </message>
    <message>
        <source>Extension decided on</source>
        <translation>Ұзарту туралы шешім күні</translation>
    </message>
    <message>
        <source>Citizen notified (day)</source>
        <translation>Өтініш берушіге хабарланды</translation>
    </message>
    <message>
        <source>By a reasoned decision of the head, at most two months after receipt; the applicant is told within 3 working days (АППК art. 76 p. 2)</source>
        <translation>Басшының дәлелді шешімімен, түскен күннен бастап екі айдан аспайды; өтініш берушіге 3 жұмыс күні ішінде хабарланады (ӘРПК 76-бап 2-т.)</translation>
    </message>
    <message>
        <source>New appeal</source>
        <translation>Жаңа өтініш</translation>
    </message>
    <message>
        <source>Appeal, talon № {number}</source>
        <translation>Өтініш, талон № {number}</translation>
    </message>
    <message>
        <source>Saved. Talon № {number} of {date}</source>
        <translation>Сақталды. {date} берілген № {number} талон</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>%1 (received on a day off: the next working day)</source>
        <translation>%1 (демалыс күні түсті: келесі жұмыс күні)</translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <source>Area passport</source>
        <translation>Учаске паспорты</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Көше</translation>
    </message>
    <message>
        <source>House</source>
        <translation>Үй</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Flats</source>
        <translation>Пәтерлер</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Тұрғындар</translation>
    </message>
    <message>
        <source>KSK/OSI</source>
        <translation>ПИК/МИБ</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Төраға</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Соңғы барған күні</translation>
    </message>
    <message>
        <source>Visits this year</source>
        <translation>Биылғы барулар</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БСН</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>Үйлер</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Мекенжайы</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Мекенжайлар</translation>
    </message>
    <message>
        <source>Organisations (KSK/OSI)</source>
        <translation>Ұйымдар (ПИК/МИБ)</translation>
    </message>
    <message>
        <source>Only households not visited this year</source>
        <translation>Тек биыл барылмаған үйлер</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>Жаңа мекенжай</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Жаңа ұйым</translation>
    </message>
    <message>
        <source>Open chat</source>
        <translation>Чатты ашу</translation>
    </message>
    <message>
        <source>Open the selected organisation&apos;s chat link</source>
        <translation>Таңдалған ұйымның чат сілтемесін ашу</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ешқашан</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>Buildings: %1 · not visited since %2: %3 · organisations: %4</source>
        <translation>Үйлер: %1 · %2 бастап барылмаған: %3 · ұйымдар: %4</translation>
    </message>
</context>
<context>
    <name>ArticlePicker</name>
    <message>
        <source>Article number or words of its title</source>
        <translation>Бап нөмірі немесе атауындағы сөздер</translation>
    </message>
    <message>
        <source>All articles (Alt+Down)</source>
        <translation>Барлық баптар (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кім</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Әрекет</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Жазба түрі</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation>Өзгертілген өрістер</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Only the administrator may read the audit log.</source>
        <translation>Аудит журналын тек әкімші қарай алады.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Пайдаланушы:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Жазба түрі:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Бастап:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Дейін:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Барлық пайдаланушылар</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Барлық жазба түрлері</translation>
    </message>
    <message>
        <source>Entries: %1</source>
        <translation>Жазбалар: %1</translation>
    </message>
</context>
<context>
    <name>BackupFolder</name>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Сақтық көшірмелер қалтасы</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Қалта:</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Азаматтар</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>Өтініштер</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Хаттамалар</translation>
    </message>
    <message>
        <source>Size, MB</source>
        <translation>Көлемі, МБ</translation>
    </message>
</context>
<context>
    <name>BackupNowDialog</name>
    <message>
        <source>Back up now</source>
        <translation>Сақтық көшірме жасау</translation>
    </message>
    <message>
        <source>The copy is made while you work and checked after writing.</source>
        <translation>Көшірме жұмыс барысында жасалады және жазылғаннан кейін тексеріледі.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Сақтық көшірме жасалуда…</translation>
    </message>
    <message>
        <source>The backup failed.</source>
        <translation>Сақтық көшірме жасалмады.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Құпиясөзді ауыстыру</translation>
    </message>
    <message>
        <source>Your password was reset by the administrator. Choose a new one to continue.</source>
        <translation>Әкімші құпиясөзіңізді қалпына келтірді. Жалғастыру үшін жаңасын орнатыңыз.</translation>
    </message>
    <message>
        <source>At least 8 characters; it must not contain your login.</source>
        <translation>Кемінде 8 таңба, логиніңізсіз.</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Қазіргі құпиясөз:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Жаңа құпиясөз:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>Жаңа құпиясөзді қайталаңыз:</translation>
    </message>
    <message>
        <source>The new passwords do not match.</source>
        <translation>Жаңа құпиясөздер сәйкес келмейді.</translation>
    </message>
</context>
<context>
    <name>ConnectionLabel</name>
    <message>
        <source>Server %1: encrypted (TLS)</source>
        <translation>Сервер %1: шифрланған (TLS)</translation>
    </message>
    <message>
        <source>Server %1: NOT encrypted</source>
        <translation>Сервер %1: ШИФРЛАНБАҒАН</translation>
    </message>
</context>
<context>
    <name>CrimeReportForm</name>
    <message>
        <source>Received</source>
        <translation>Түсті</translation>
    </message>
    <message>
        <source>How received</source>
        <translation>Қалай түсті</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Арыз беруші</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Мазмұны</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Қабылдаған</translation>
    </message>
    <message>
        <source>Register by</source>
        <translation>Тіркеу мерзімі</translation>
    </message>
    <message>
        <source>%1 hours after receipt: the team&apos;s working figure, not found in the law (unverified reference data the district corrects)</source>
        <translation>Түскен сәттен бастап %1 сағат: топтың жұмыс нормасы, заңнан табылмады (тексерілмеген анықтамалық деректер, аудан түзете алады)</translation>
    </message>
    <message>
        <source>Registered in the КУИ</source>
        <translation>КУИ-де тіркелді</translation>
    </message>
    <message>
        <source>КУИ number</source>
        <translation>КУИ нөмірі</translation>
    </message>
    <message>
        <source>Check due</source>
        <translation>Тексеру мерзімі</translation>
    </message>
    <message>
        <source>Check extended until</source>
        <translation>Тексеру ұзартылды</translation>
    </message>
    <message>
        <source>Grounds for the extension</source>
        <translation>Ұзарту негізі</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Шешім</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Шешім күні</translation>
    </message>
    <message>
        <source>ЕРДР number</source>
        <translation>СДТБТ нөмірі</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>Кімге берілді</translation>
    </message>
    <message>
        <source>unit, position, name</source>
        <translation>бөлімше, лауазымы, аты-жөні</translation>
    </message>
    <message>
        <source>Handed on</source>
        <translation>Берілген күні</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>Хабарлама-талонды басып шығару</translation>
    </message>
    <message>
        <source>Preview and print the notice for the person who reported (Ctrl+P)</source>
        <translation>Арыз берушіге хабарлама-талонды қарау және басып шығару (Ctrl+P)</translation>
    </message>
    <message>
        <source>New КУИ record</source>
        <translation>Жаңа КУИ жазбасы</translation>
    </message>
    <message>
        <source>КУИ record of {date}</source>
        <translation>{date} КУИ жазбасы</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>The database is damaged</source>
        <translation>Дерекқор бүлінген</translation>
    </message>
    <message>
        <source>The latest good backup:</source>
        <translation>Соңғы дұрыс сақтық көшірме:</translation>
    </message>
    <message>
        <source>No good backup was found. Choose a backup file, or ask the district office for help; the damaged file is left untouched.</source>
        <translation>Дұрыс сақтық көшірме табылмады. Сақтық көшірме файлын таңдаңыз немесе көмек үшін полиция бөліміне хабарласыңыз; бүлінген файл өзгертілмей қалады.</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Осы көшірмеден қалпына келтіру</translation>
    </message>
    <message>
        <source>Choose another backup…</source>
        <translation>Басқа көшірмені таңдау…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Сақтық көшірме файлы</translation>
    </message>
    <message>
        <source>Backups (*.db)</source>
        <translation>Сақтық көшірмелер (*.db)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Choose from the calendar (Alt+Down)</source>
        <translation>Күнтізбеден таңдау (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>%1, date</source>
        <translation>%1, күні</translation>
    </message>
    <message>
        <source>%1, time</source>
        <translation>%1, уақыты</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Print preview</source>
        <translation>Басып шығаруды алдын ала қарау</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Тіл:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Басып шығару…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Басқаша сақтау…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>Құжатты сақтау</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF құжаттары (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ErrorMessage</name>
    <message>
        <source>Error</source>
        <translation>Қате</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for the district office</source>
        <translation>Полиция бөліміне шығару</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Load the district&apos;s key…</source>
        <translation>Бөлім кілтін жүктеу…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Everything, not only the changes since the last acknowledgement</source>
        <translation>Соңғы растаудан кейінгі өзгерістер ғана емес, барлық деректер</translation>
    </message>
    <message>
        <source>Restored from a backup, and nothing was sent to the district after that backup</source>
        <translation>Сақтық көшірмеден қалпына келтірілді, және осы көшірмеден кейін бөлімге ештеңе жіберілмеді</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Шығару</translation>
    </message>
    <message>
        <source>District office:</source>
        <translation>Полиция бөлімі:</translation>
    </message>
    <message>
        <source>This point&apos;s key:</source>
        <translation>Осы пункттің кілті:</translation>
    </message>
    <message>
        <source>Acknowledged:</source>
        <translation>Расталды:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Қалта:</translation>
    </message>
    <message>
        <source>Not set: load the key file the district office gave you.</source>
        <translation>Орнатылмаған: полиция бөлімі берген кілт файлын жүктеңіз.</translation>
    </message>
    <message>
        <source>Replace the district&apos;s key…</source>
        <translation>Бөлім кілтін ауыстыру…</translation>
    </message>
    <message>
        <source>never yet</source>
        <translation>әлі болған жоқ</translation>
    </message>
    <message>
        <source>export no. %1 on %2</source>
        <translation>№ %1 шығару, %2</translation>
    </message>
    <message>
        <source>Folder for the file</source>
        <translation>Файлға арналған қалта</translation>
    </message>
    <message>
        <source>The district&apos;s key file</source>
        <translation>Бөлім кілтінің файлы</translation>
    </message>
    <message>
        <source>Key files (*.pub *.json);;All (*)</source>
        <translation>Кілт файлдары (*.pub *.json);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Trust the key of %1 “%2”?

Fingerprint:
%3

Compare it with the district office (by phone) before you confirm.</source>
        <translation>%1 «%2» кілтіне сену керек пе?

Кілт саусақ ізі:
%3

Растамас бұрын оны полиция бөлімімен (телефон арқылы) салыстырыңыз.</translation>
    </message>
    <message>
        <source>District office key</source>
        <translation>Полиция бөлімінің кілті</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Файл жазылуда…</translation>
    </message>
</context>
<context>
    <name>FeedbackForm</name>
    <message>
        <source>Date and time</source>
        <translation>Күні мен уақыты</translation>
    </message>
    <message>
        <source>At the meeting</source>
        <translation>Кездесу</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Арна</translation>
    </message>
    <message>
        <source>Rating of police work</source>
        <translation>Полиция жұмысының бағасы</translation>
    </message>
    <message>
        <source>Trusts the police</source>
        <translation>Полицияға сенеді</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <source>no</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>Main security concerns</source>
        <translation>Басты мәселелер</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Пікір</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>New survey answer</source>
        <translation>Жаңа сауалнама</translation>
    </message>
    <message>
        <source>Survey answer of {date}</source>
        <translation>{date} сауалнамасы</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All time</source>
        <translation>Барлық уақыт</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Осы апта</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Осы ай</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Осы тоқсан</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Осы жыл</translation>
    </message>
    <message>
        <source>Operation «Uchastok» (1 Sep – 1 Nov)</source>
        <translation>«Участок» іс-шарасы (1 қыркүйек – 1 қараша)</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Еркін кезең</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Мерзімі өткен</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Есепте тұр</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Есептен шығарылған</translation>
    </message>
    <message>
        <source>Not forwarded in 3 working days</source>
        <translation>3 жұмыс күнінде жолданбағандар</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Кезең:</translation>
    </message>
    <message>
        <source>All inspectors</source>
        <translation>Барлық инспекторлар</translation>
    </message>
    <message>
        <source>All points</source>
        <translation>Барлық пункттер</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Кез келген мәртебе</translation>
    </message>
    <message>
        <source>Search: name, IIN, number, text…</source>
        <translation>Іздеу: аты-жөні, ЖСН, нөмір, мәтін…</translation>
    </message>
    <message>
        <source>Every word is matched at the start of a word; ё and е are the same</source>
        <translation>Әр сөз сөздің басынан ізделеді; ё мен е бірдей саналады</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Бастап</translation>
    </message>
    <message>
        <source>To (inclusive)</source>
        <translation>Дейін (қоса алғанда)</translation>
    </message>
    <message>
        <source>Any topic</source>
        <translation>Кез келген тақырып</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Кез келген санат</translation>
    </message>
    <message>
        <source>Any article</source>
        <translation>Кез келген бап</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Кез келген түр</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up the program</source>
        <translation>Бағдарламаны баптау</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Құру</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>User manual</source>
        <translation>Пайдаланушы нұсқаулығы</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <source>Good day, %1</source>
        <translation>Қайырлы күн, %1</translation>
    </message>
    <message>
        <source>Good day</source>
        <translation>Қайырлы күн</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>Жаңа жазба:</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>Өтініш</translation>
    </message>
    <message>
        <source>КУИ</source>
        <translation>КУИ</translation>
    </message>
    <message>
        <source>A report of a crime: into the book of information (КУИ)</source>
        <translation>Қылмыс туралы арыз: ақпаратты есепке алу кітабына (КУИ)</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Аралау</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Хаттама</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Есепке қою</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Кездесу</translation>
    </message>
    <message>
        <source>Survey answer</source>
        <translation>Сауалнама</translation>
    </message>
    <message>
        <source>Receive a citizen: a new appeal with a talon</source>
        <translation>Азаматты қабылдау: талоны бар жаңа өтініш</translation>
    </message>
    <message>
        <source>A new preventive visit or door-to-door round</source>
        <translation>Жаңа профилактикалық немесе үй-үйді аралау</translation>
    </message>
    <message>
        <source>A new administrative offence protocol</source>
        <translation>Әкімшілік құқық бұзушылық туралы жаңа хаттама</translation>
    </message>
    <message>
        <source>Put a person on preventive registration</source>
        <translation>Азаматты профилактикалық есепке қою</translation>
    </message>
    <message>
        <source>A new meeting with the population</source>
        <translation>Тұрғындармен жаңа кездесу</translation>
    </message>
    <message>
        <source>A resident&apos;s answers to the survey</source>
        <translation>Тұрғынның сауалнамаға жауаптары</translation>
    </message>
    <message>
        <source>Not forwarded in 3 working days</source>
        <translation>3 жұмыс күнінде жолданбады</translation>
    </message>
    <message>
        <source>Tell the citizen of the extension</source>
        <translation>Өтініш берушіге мерзімнің ұзартылғанын хабарлау</translation>
    </message>
    <message>
        <source>No order ran that day: check it</source>
        <translation>Сол күні бірде-бір қорғау нұсқамасы немесе ерекше талаптар қолданылмаған: тексеріңіз</translation>
    </message>
    <message numerus="yes">
        <source>%n orders ran that day: choose one</source>
        <translation>
            <numerusform>Сол күні %n қорғау нұсқамасы немесе ерекше талаптар қолданылған: біреуін таңдаңыз</numerusform>
            <numerusform>Сол күні %n қорғау нұсқамасы немесе ерекше талаптар қолданылған: біреуін таңдаңыз</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Record this check…</source>
        <translation>Тексеруді жазу…</translation>
    </message>
    <message>
        <source>Open the registration</source>
        <translation>Есепті ашу</translation>
    </message>
    <message>
        <source>Figures: today and this month</source>
        <translation>Көрсеткіштер: бүгін және осы ай</translation>
    </message>
    <message>
        <source>Open the register</source>
        <translation>Журналды ашу</translation>
    </message>
    <message>
        <source>Check due</source>
        <translation>Тексеру мерзімі</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Азамат</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Санаты</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Соңғы тексеру</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Мерзімі</translation>
    </message>
    <message>
        <source>Talon</source>
        <translation>Талон</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Өтініш беруші</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тақырыбы</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Мерзімі</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Арыз беруші</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Мазмұны</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Құқық бұзушылық</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Құқық бұзушы</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Не істеу керек</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Registration checks due within a week or overdue</source>
        <translation>Есептегі адамдарды тексеру: мерзімі бір апта ішінде немесе өткен</translation>
    </message>
    <message>
        <source>Appeals past their due date</source>
        <translation>Мерзімі өткен өтініштер</translation>
    </message>
    <message>
        <source>overdue: %1</source>
        <translation>мерзімі өткен: %1</translation>
    </message>
    <message>
        <source>КУИ: registration and check deadlines</source>
        <translation>КУИ: тіркеу және тексеру мерзімдері</translation>
    </message>
    <message>
        <source>Breaches (КоАП art. 461) not linked to their order</source>
        <translation>Қорғау нұсқамасымен байланыстырылмаған бұзушылықтар (ӘҚБтК 461-бабы)</translation>
    </message>
    <message>
        <source>Latest records</source>
        <translation>Соңғы жазбалар</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>today · %1 this month</source>
        <translation>бүгін · осы айда %1</translation>
    </message>
    <message>
        <source>No checks due this week</source>
        <translation>Осы аптада тексеру жоқ</translation>
    </message>
    <message>
        <source>No overdue appeals</source>
        <translation>Мерзімі өткен өтініштер жоқ</translation>
    </message>
    <message>
        <source>No КУИ records waiting</source>
        <translation>Жұмыстағы КУИ жазбалары жоқ</translation>
    </message>
    <message>
        <source>No records yet</source>
        <translation>Әзірге жазба жоқ</translation>
    </message>
    <message>
        <source>Overdue checks: %1 · overdue appeals: %2</source>
        <translation>Мерзімі өткен тексерулер: %1 · өтініштер: %2</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import packages</source>
        <translation>Пакеттерді импорттау</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Add files…</source>
        <translation>Файлдарды қосу…</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>Қалтаны қосу…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Тазарту</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Жаңа</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Өзгертілген</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Жойылған</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Өзгеріссіз</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ескертпелер</translation>
    </message>
    <message>
        <source>Files to import:</source>
        <translation>Импортталатын файлдар:</translation>
    </message>
    <message>
        <source>Package files</source>
        <translation>Пакет файлдары</translation>
    </message>
    <message>
        <source>Packages (*.isync);;All (*)</source>
        <translation>Пакеттер (*.isync);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Folder with packages</source>
        <translation>Пакеттер қалтасы</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Файлдар тексерілуде…</translation>
    </message>
    <message>
        <source>A package comes from point %1, not enrolled yet.

Key fingerprint:
%2

Compare it with the point (by phone). Enrol the point and import its files?</source>
        <translation>Пакет әлі тіркелмеген %1 пунктінен келді.

Кілт саусақ ізі:
%2

Оны пунктпен (телефон арқылы) салыстырыңыз. Пунктті тіркеп, оның файлдарын импорттау керек пе?</translation>
    </message>
    <message>
        <source>New point</source>
        <translation>Жаңа пункт</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорттау…</translation>
    </message>
    <message>
        <source>Saving: building indexes, writing the receipts…</source>
        <translation>Сақтау: индекстер құру, түбіртектер жазу…</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импортталды</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>бұрын импортталған</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>қабылданбады</translation>
    </message>
    <message>
        <source>Files written for the points (take them back): %1</source>
        <translation>Пункттерге арналған файлдар жазылды (оларды пункттерге жеткізіңіз): %1</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <source>Welcome</source>
        <translation>Қош келдіңіз</translation>
    </message>
    <message>
        <source>This computer has no database yet. Three short steps create it.</source>
        <translation>Бұл компьютерде әлі дерекқор жоқ. Оны үш қысқа қадаммен құрамыз.</translation>
    </message>
    <message>
        <source>Precinct police point (UPP): the inspector&apos;s database</source>
        <translation>Учаскелік полиция пункті (УПП): учаскелік инспектордың дерекқоры</translation>
    </message>
    <message>
        <source>District police office: collects the points&apos; files</source>
        <translation>Аудандық полиция бөлімі: пункттердің файлдарын жинайды</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Дерекқор: %1</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Құпиясөз:</translation>
    </message>
    <message>
        <source>&amp;Server database…</source>
        <translation>&amp;Сервердегі дерекқор…</translation>
    </message>
    <message>
        <source>Connect to the district&apos;s database on a server instead of this PC&apos;s file</source>
        <translation>Осы ДК файлының орнына сервердегі аудандық дерекқорға қосылу</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Дерекқор ашылуда…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Audit log</source>
        <translation>Аудит журналы</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New record…</source>
        <translation>&amp;Жаңа жазба…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Баптаулар…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Жаң&amp;арту</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>&amp;About the program</source>
        <translation>&amp;Бағдарлама туралы</translation>
    </message>
    <message>
        <source>no user</source>
        <translation>пайдаланушысыз</translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation>(жадта)</translation>
    </message>
    <message>
        <source>The offline desk of a precinct police inspector: registers, reports and sync with the district office by file.</source>
        <translation>Учаскелік инспектордың интернетсіз жұмыс орны: журналдар, есептер және полиция бөлімімен файл арқылы деректер алмасу.</translation>
    </message>
    <message>
        <source>Fonts: DejaVu (Bitstream Vera licence; DejaVu changes are in the public domain).</source>
        <translation>Қаріптер: DejaVu (Bitstream Vera лицензиясы; DejaVu өзгерістері — қоғамдық игілік).</translation>
    </message>
    <message>
        <source>Icons: drawn for this program, CC0 1.0 (public domain).</source>
        <translation>Белгішелер: осы бағдарлама үшін салынған, CC0 1.0 (қоғамдық игілік).</translation>
    </message>
    <message>
        <source>Qt for Python (PySide6): LGPL v3.</source>
        <translation>Qt for Python (PySide6) кітапханасы: LGPL v3.</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Дерекқор</translation>
    </message>
    <message>
        <source>About the program</source>
        <translation>Бағдарлама туралы</translation>
    </message>
</context>
<context>
    <name>ManualAction</name>
    <message>
        <source>&amp;User manual</source>
        <translation>&amp;Пайдаланушы нұсқаулығы</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>Date and time</source>
        <translation>Күні мен уақыты</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Attendance (persons)</source>
        <translation>Қатысқандар, адам</translation>
    </message>
    <message>
        <source>Questions raised</source>
        <translation>Көтерілген мәселелер</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Шешімдер</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>New meeting with the population</source>
        <translation>Тұрғындармен жаңа кездесу</translation>
    </message>
    <message>
        <source>Meeting of {date}</source>
        <translation>{date} кездесуі</translation>
    </message>
</context>
<context>
    <name>OffenceForm</name>
    <message>
        <source>Committed</source>
        <translation>Күні мен уақыты</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Құқық бұзушы</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Жәбірленуші</translation>
    </message>
    <message>
        <source>Liable as</source>
        <translation>Жауапкершілік субъектісі</translation>
    </message>
    <message>
        <source>Article, part</source>
        <translation>ӘҚБтК бабы, бөлігі</translation>
    </message>
    <message>
        <source>Breached order</source>
        <translation>Бұзылған нұсқама немесе талаптар</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Фабула</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Жаза</translation>
    </message>
    <message>
        <source>Fine, МРП</source>
        <translation>Айыппұл, АЕК</translation>
    </message>
    <message>
        <source>Public works, hours</source>
        <translation>Қоғамдық жұмыстар, сағат</translation>
    </message>
    <message>
        <source>Arrest, days</source>
        <translation>Қамаққа алу, тәулік</translation>
    </message>
    <message>
        <source>Consent to public works</source>
        <translation>Қоғамдық жұмыстарға келісім</translation>
    </message>
    <message>
        <source>Consent given or refused on</source>
        <translation>Келісім туралы жауап күні</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <source>ЕРАП number</source>
        <translation>ӘІЖБТ нөмірі</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>Print protocol</source>
        <translation>Хаттаманы басып шығару</translation>
    </message>
    <message>
        <source>Preview and print the protocol (Ctrl+P)</source>
        <translation>Хаттаманы қарап, басып шығару (Ctrl+P)</translation>
    </message>
    <message>
        <source>New offence protocol</source>
        <translation>Жаңа ӘҚБ хаттамасы</translation>
    </message>
    <message>
        <source>Offence protocol № {number}</source>
        <translation>ӘҚБ хаттамасы № {number}</translation>
    </message>
    <message>
        <source>Saved. Protocol № {number}</source>
        <translation>Сақталды. Хаттама № {number}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>no МРП for {year} in the table</source>
        <translation>кестеде {year} жылғы АЕК жоқ</translation>
    </message>
    <message>
        <source>1 МРП in {year} = {amount}</source>
        <translation>{year} ж. 1 АЕК = {amount}</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БСН</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Төраға</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Chat link</source>
        <translation>Чатқа сілтеме</translation>
    </message>
    <message>
        <source>a link such as https://chat.whatsapp.com/…</source>
        <translation>https://chat.whatsapp.com/… түріндегі сілтеме</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Мекенжай</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Жаңа ұйым</translation>
    </message>
    <message>
        <source>Organisation: {name}</source>
        <translation>Ұйым: {name}</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Surname</source>
        <translation>Тегі</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Аты</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Әкесінің аты</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 цифр</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Туған күні</translation>
    </message>
    <message>
        <source>male</source>
        <translation>ер</translation>
    </message>
    <message>
        <source>female</source>
        <translation>әйел</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Жынысы</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Мекенжай</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Жаңа азамат</translation>
    </message>
    <message>
        <source>Person: {name}</source>
        <translation>Азамат: {name}</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>IIN {iin}</source>
        <translation>ЖСН {iin}</translation>
    </message>
    <message>
        <source>no IIN</source>
        <translation>ЖСН жоқ</translation>
    </message>
    <message>
        <source>Surname, name or IIN</source>
        <translation>Тегі, аты немесе ЖСН</translation>
    </message>
    <message>
        <source>New person (Insert)</source>
        <translation>Жаңа азамат (Insert)</translation>
    </message>
    <message>
        <source>New person «{text}»…</source>
        <translation>Жаңа азамат «{text}»…</translation>
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
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Last package</source>
        <translation>Соңғы пакет</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>Өткен күндер</translation>
    </message>
    <message>
        <source>Export no.</source>
        <translation>Шығару №</translation>
    </message>
    <message>
        <source>Held up to</source>
        <translation>№ дейін алынды</translation>
    </message>
    <message>
        <source>Missing exports</source>
        <translation>Жетіспейтін шығарулар</translation>
    </message>
    <message>
        <source>Refused files</source>
        <translation>Қабылданбаған файлдар</translation>
    </message>
    <message>
        <source>Region holds up to</source>
        <translation>Облыста № дейін</translation>
    </message>
    <message>
        <source>To forward</source>
        <translation>Облысқа жіберу</translation>
    </message>
    <message>
        <source>No package for more than %1 days.</source>
        <translation>%1 күннен астам пакет жоқ.</translation>
    </message>
</context>
<context>
    <name>PointsOverview</name>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Refused files from unknown senders:</source>
        <translation>Белгісіз жіберушілерден келген қабылданбаған файлдар:</translation>
    </message>
    <message>
        <source>Points: %1, without recent packages: %2, with missing exports: %3</source>
        <translation>Пункттер: %1, жақында пакет келмегендер: %2, шығарулары жетіспейтіндер: %3</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>The point</source>
        <translation>Полиция пункті</translation>
    </message>
    <message>
        <source>How the point is named in registers, talons and reports.</source>
        <translation>Пункттің журналдарда, талондарда және есептерде аталуы.</translation>
    </message>
    <message>
        <source>e.g. UPP No. 17</source>
        <translation>мысалы, №17 УПП</translation>
    </message>
    <message>
        <source>Reception hours:</source>
        <translation>Қабылдау уақыты:</translation>
    </message>
    <message>
        <source>Point code:</source>
        <translation>Пункт коды:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Атауы:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Облыс:</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>Аудан:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Мекенжайы:</translation>
    </message>
    <message>
        <source>The district office</source>
        <translation>Полиция бөлімі</translation>
    </message>
</context>
<context>
    <name>Protection</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Сақтық &amp;көшірме жасау…</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>Көшірмеден &amp;қалпына келтіру…</translation>
    </message>
    <message>
        <source>Destroyed records</source>
        <translation>Жойылған жазбалар</translation>
    </message>
    <message>
        <source>Unencrypted backups</source>
        <translation>Шифрланбаған сақтық көшірмелер</translation>
    </message>
    <message numerus="yes">
        <source>The database is encrypted, but %n backup(s) made before the encryption still hold its data unencrypted in %1. Encrypt them now, or delete them?</source>
        <translation>
            <numerusform>Дерекқор шифрланған, бірақ шифрлауға дейін жасалған %n сақтық көшірме оның деректерін %1 ішінде шифрланбаған күйде сақтайды. Оларды қазір шифрлау керек пе, әлде жою керек пе?</numerusform>
            <numerusform>Дерекқор шифрланған, бірақ шифрлауға дейін жасалған %n сақтық көшірме оның деректерін %1 ішінде шифрланбаған күйде сақтайды. Оларды қазір шифрлау керек пе, әлде жою керек пе?</numerusform>
        </translation>
    </message>
    <message>
        <source>Encrypt them</source>
        <translation>Шифрлау</translation>
    </message>
    <message>
        <source>Delete them</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Кейінірек</translation>
    </message>
    <message>
        <source>Securing the old backups…</source>
        <translation>Ескі сақтық көшірмелерді қорғау…</translation>
    </message>
    <message numerus="yes">
        <source>Backups dealt with: %n.</source>
        <translation>
            <numerusform>Өңделген сақтық көшірмелер: %n.</numerusform>
            <numerusform>Өңделген сақтық көшірмелер: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Көшірмеден қалпына келтіру</translation>
    </message>
    <message>
        <source>The program closes, puts the backup in place of the database (the current file is kept beside it) and starts again. Continue?</source>
        <translation>Бағдарлама жабылып, дерекқорды сақтық көшірмемен ауыстырады (қазіргі файл қасында сақталады) және қайта іске қосылады. Жалғастыру керек пе?</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>* required field</source>
        <translation>* міндетті өріс</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Сақтау (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Бас тарту (Esc)</translation>
    </message>
    <message>
        <source>required field</source>
        <translation>міндетті өріс</translation>
    </message>
    <message>
        <source>Discard the changes you made?</source>
        <translation>Енгізілген өзгерістер сақталмасын ба?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Сақтамау</translation>
    </message>
    <message>
        <source>Continue editing</source>
        <translation>Өңдеуді жалғастыру</translation>
    </message>
    <message>
        <source>read only</source>
        <translation>тек қарау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Read only: you may not change this record.</source>
        <translation>Тек қарау: бұл жазбаны өзгертуге құқығыңыз жоқ.</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>History: %1 %2</source>
        <translation>Тарих: %1 %2</translation>
    </message>
</context>
<context>
    <name>RecordHistoryModel</name>
    <message>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кім</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Әрекет</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Бұрынғы мәні</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Жаңа мәні</translation>
    </message>
</context>
<context>
    <name>RecoverySheetDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Қалпына келтіру кілті</translation>
    </message>
    <message>
        <source>The database is now encrypted: it opens only with an account&apos;s password. If every password is lost, only this recovery key opens it, and the program shows it only now.

1. Save the recovery sheet as a PDF and print it, or write the key down by hand.
2. Keep the paper in the point&apos;s safe.
3. Delete the PDF file once it is printed.</source>
        <translation>База енді шифрланған: ол тек есептік жазбаның құпиясөзімен ашылады. Барлық құпиясөз жоғалса, базаны тек осы қалпына келтіру кілті ашады, ал бағдарлама оны тек қазір көрсетеді.

1. Қалпына келтіру парағын PDF етіп сақтап, басып шығарыңыз немесе кілтті қолмен жазып алыңыз.
2. Парақты пункттің сейфінде сақтаңыз.
3. Парақты басып шығарған соң PDF файлын жойыңыз.</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>Қалпына келтіру &amp;кілті:</translation>
    </message>
    <message>
        <source>&amp;Save the sheet as PDF…</source>
        <translation>Парақты PDF етіп &amp;сақтау…</translation>
    </message>
    <message>
        <source>I have &amp;printed the sheet or written the key down, and it goes to the point&apos;s safe</source>
        <translation>Мен парақты &amp;басып шығардым немесе кілтті жазып алдым, ол пункт сейфінде сақталады</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Дайын</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Қалпына келтіру парағын сақтау</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The sheet could not be saved to %1: %2. Choose another folder, or write the key down.</source>
        <translation>Парақ %1 ішіне сақталмады: %2. Басқа қалтаны таңдаңыз немесе кілтті жазып алыңыз.</translation>
    </message>
    <message>
        <source>The sheet was saved to %1. Print it now, then delete the file.</source>
        <translation>Парақ %1 ішіне сақталды. Оны қазір басып шығарыңыз, содан кейін файлды жойыңыз.</translation>
    </message>
    <message>
        <source>Tick the box once the key is on paper: it cannot be shown again.</source>
        <translation>Кілт қағазға түскен соң белгі қойыңыз: оны қайта көрсету мүмкін емес.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>New</source>
        <translation>Жаңа</translation>
    </message>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation>Жаңа жазба (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Open the selected record (Enter)</source>
        <translation>Таңдалған жазбаны ашу (Enter)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Delete the selected record (Del)</source>
        <translation>Таңдалған жазбаны жою (Del)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Тарих</translation>
    </message>
    <message>
        <source>To &amp;Excel</source>
        <translation>&amp;Excel-ге</translation>
    </message>
    <message>
        <source>Preview and print the selected record&apos;s document</source>
        <translation>Таңдалған жазбаның құжатын қарап, басып шығару</translation>
    </message>
    <message>
        <source>&amp;Print talon</source>
        <translation>Талонды &amp;басып шығару</translation>
    </message>
    <message>
        <source>&amp;Print protocol</source>
        <translation>Хаттаманы &amp;басып шығару</translation>
    </message>
    <message>
        <source>&amp;Print record</source>
        <translation>Анықтаманы &amp;басып шығару</translation>
    </message>
    <message>
        <source>&amp;Print notice</source>
        <translation>Хабарлама-талонды &amp;басып шығару</translation>
    </message>
    <message>
        <source>Delete this record?

%1

It disappears from the registers and reports; the audit trail keeps who deleted it and when.</source>
        <translation>Бұл жазбаны жою керек пе?

%1

Ол журналдар мен есептерден жоғалады; аудит журналы оны кім және қашан жойғанын сақтайды.</translation>
    </message>
    <message>
        <source>Who changed the selected record, and when</source>
        <translation>Таңдалған жазбаны кім және қашан өзгерткен</translation>
    </message>
    <message>
        <source>Save the rows shown (with these filters) as an Excel or CSV file</source>
        <translation>Көрсетілген жолдарды (осы сүзгілермен) Excel немесе CSV файлына сақтау</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Саналуда…</translation>
    </message>
    <message>
        <source>Records found: %1</source>
        <translation>Табылған жазбалар: %1</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>Жазбаны жою</translation>
    </message>
    <message>
        <source>Save the register</source>
        <translation>Журналды сақтау</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, semicolon-separated (*.csv)</source>
        <translation>Excel кітабы (*.xlsx);;Нүктелі үтірмен CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saving the register…</source>
        <translation>Журнал сақталуда…</translation>
    </message>
    <message>
        <source>Saved %1 rows to %2</source>
        <translation>%2 файлына %1 жол сақталды</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <source>Person</source>
        <translation>Азамат</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Санаты</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Белгілер</translation>
    </message>
    <message>
        <source>Basis document</source>
        <translation>Негіздеме</translation>
    </message>
    <message>
        <source>court decision, protective order №…</source>
        <translation>сот шешімі, қорғау нұсқамасы №…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Reports to the police (times a month)</source>
        <translation>ІІО-ға келу (айына)</translation>
    </message>
    <message>
        <source>Special requirements: the court sets 1 to 4 times a month; the checks follow it</source>
        <translation>Ерекше талаптар: сот айына 1-ден 4 ретке дейін белгілейді; тексерулер соған сәйкес жоспарланады</translation>
    </message>
    <message>
        <source>Order extended until</source>
        <translation>Нұсқама ұзартылды</translation>
    </message>
    <message>
        <source>Basis of the extension</source>
        <translation>Ұзарту негізі</translation>
    </message>
    <message>
        <source>Support centre referral</source>
        <translation>Қолдау орталығына жіберу</translation>
    </message>
    <message>
        <source>who, to which centre</source>
        <translation>кім, қай орталыққа</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Жіберілген күні</translation>
    </message>
    <message>
        <source>Breaches (art. 461)</source>
        <translation>Бұзушылықтар (461-бап)</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Есепке қойылды</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Есеп мерзімі</translation>
    </message>
    <message>
        <source>Check every (days)</source>
        <translation>Тексеру кезеңі (күн)</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Тексерулер</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Есептен шығарылды</translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation>Шығару себебі</translation>
    </message>
    <message>
        <source>New preventive registration</source>
        <translation>Профилактикалық есепке қою</translation>
    </message>
    <message>
        <source>Preventive registration: {name}</source>
        <translation>Профилактикалық есеп: {name}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>the first check is due one interval after the registration date</source>
        <translation>алғашқы тексеру — есепке қойылғаннан кейін бір кезеңнен соң</translation>
    </message>
    <message>
        <source>last check {last}, next due {due}</source>
        <translation>соңғысы {last}, келесісі {due} дейін</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation>Жұмыс туралы есеп</translation>
    </message>
    <message>
        <source>Register printout (journal)</source>
        <translation>Журналды басып шығару</translation>
    </message>
    <message>
        <source>Talon of an appeal</source>
        <translation>Өтініш талоны</translation>
    </message>
    <message>
        <source>District summary</source>
        <translation>Аудан бойынша жиынтық</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Осы ай</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Өткен ай</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Осы тоқсан</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Өткен тоқсан</translation>
    </message>
    <message>
        <source>This half-year</source>
        <translation>Осы жартыжылдық</translation>
    </message>
    <message>
        <source>Last half-year</source>
        <translation>Өткен жартыжылдық</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Осы жыл</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Өткен жыл</translation>
    </message>
    <message>
        <source>Operation «Uchastok» (1 Sep – 1 Nov)</source>
        <translation>«Участок» іс-шарасы (1 қыркүйек – 1 қараша)</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Еркін кезең</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Есеп:</translation>
    </message>
    <message>
        <source>Register:</source>
        <translation>Журнал:</translation>
    </message>
    <message>
        <source>Talon number:</source>
        <translation>Талон нөмірі:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Кезең:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Күндер:</translation>
    </message>
    <message>
        <source>Inspector:</source>
        <translation>Инспектор:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тілі:</translation>
    </message>
    <message>
        <source>Whole point</source>
        <translation>Бүкіл пункт</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Жасау</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Басқаша сақтау…</translation>
    </message>
    <message>
        <source>Generating the report…</source>
        <translation>Есеп жасалуда…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Тоқтатылды.</translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>Есепті жасау мүмкін болмады.</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n page(s).</source>
        <translation>
            <numerusform>Дайын: %n бет.</numerusform>
            <numerusform>Дайын: %n бет.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Беттер: %1</translation>
    </message>
    <message>
        <source>No report yet.</source>
        <translation>Есеп әлі жасалған жоқ.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Есепті сақтау</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF құжаттары (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сақталды: %1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Көшірмеден қалпына келтіру</translation>
    </message>
    <message>
        <source>The current database is kept beside it before it is replaced.</source>
        <translation>Ауыстыру алдында ағымдағы дерекқор қасында сақталады.</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Қалпына келтіру…</translation>
    </message>
    <message>
        <source>Replace the current database with this backup?</source>
        <translation>Ағымдағы дерекқорды осы көшірмемен ауыстыру керек пе?</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Retention periods</source>
        <translation>Сақтау мерзімдері</translation>
    </message>
    <message>
        <source>&amp;Refresh the list</source>
        <translation>Тізімді &amp;жаңарту</translation>
    </message>
    <message>
        <source>Records kept longer than their register&apos;s retention period. Destroying removes them from this database (the record, its search words and the values in its audit entries) and, with the next package, from the district office&apos;s copy. The audit trail keeps who destroyed what and when. Records that other records refer to are kept.</source>
        <translation>Өз журналының сақтау мерзімінен ұзақ сақталған жазбалар. Жою оларды осы дерекқордан (жазбаның өзін, іздеудегі сөздерін және аудит журналындағы мәндерін), ал келесі пакетпен бөлімдегі көшірмесінен де жояды. Аудит журналында кім, қашан және нені жойғаны қалады. Басқа жазбалар сілтейтін жазбалар қалады.</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Kept, years</source>
        <translation>Сақталады, жыл</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>Есептеледі</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Дейін</translation>
    </message>
    <message>
        <source>Past the period</source>
        <translation>Мерзімі өткен</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>Ең ескісі</translation>
    </message>
    <message>
        <source>Source of the period</source>
        <translation>Мерзім негізі</translation>
    </message>
    <message>
        <source>Destroy…</source>
        <translation>Жою…</translation>
    </message>
    <message>
        <source>Destroy the records of %1 past the period</source>
        <translation>«%1» журналының мерзімі өткен жазбаларын жою</translation>
    </message>
    <message>
        <source>Records past their retention period: %1</source>
        <translation>Сақтау мерзімі өткен жазбалар: %1</translation>
    </message>
    <message>
        <source>%1: no record can be destroyed (other records refer to those past the period).</source>
        <translation>%1: жоятын ештеңе жоқ (мерзімі өткен жазбаларға басқа жазбалар сілтейді).</translation>
    </message>
    <message>
        <source>Destroy %1 records of «%2» dated before %3? They cannot be restored, and the district office destroys its copies too.</source>
        <translation>«%2» журналының %3 дейінгі %1 жазбасын жою керек пе? Оларды қалпына келтіру мүмкін емес, бөлім де өз көшірмелерін жояды.</translation>
    </message>
    <message>
        <source>%1 records stay: other records refer to them.</source>
        <translation>%1 жазба қалады: оларға басқа жазбалар сілтейді.</translation>
    </message>
    <message>
        <source>Destroy records</source>
        <translation>Жазбаларды жою</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Destroying records…</source>
        <translation>Жазбалар жойылуда…</translation>
    </message>
    <message>
        <source>%1: %2 records destroyed (audit entry %3). The destruction goes to the district office with the next package.</source>
        <translation>%1: %2 жазба жойылды (аудит журналының № %3 жазбасы). Жою бөлімге келесі пакетпен жіберіледі.</translation>
    </message>
    <message>
        <source>The list of destroyed records beside the backups is updated: %1</source>
        <translation>Сақтық көшірмелер жанындағы жойылған жазбалар тізімі жаңартылды: %1</translation>
    </message>
    <message>
        <source>The list of destroyed records beside the backups was not updated (%1). The records are destroyed; the next backup writes the list: until then a restore on a new PC from that folder brings them back.</source>
        <translation>Сақтық көшірмелер жанындағы жойылған жазбалар тізімі жаңартылмады (%1). Жазбалар жойылды; тізімді келесі сақтық көшірме жазады: оған дейін жаңа компьютерде осы қалтадан қалпына келтіру оларды қайтарады.</translation>
    </message>
</context>
<context>
    <name>ServerActions</name>
    <message>
        <source>Connect to a &amp;server database…</source>
        <translation>&amp;Сервердегі дерекқорға қосылу…</translation>
    </message>
</context>
<context>
    <name>ServerConnectDialog</name>
    <message>
        <source>Connect to the district&apos;s server database</source>
        <translation>Сервердегі аудандық дерекқорға қосылу</translation>
    </message>
    <message>
        <source>Database server</source>
        <translation>Дерекқор сервері</translation>
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
        <translation>&amp;Дерекқор:</translation>
    </message>
    <message>
        <source>Server &amp;user:</source>
        <translation>Сервер па&amp;йдаланушысы:</translation>
    </message>
    <message>
        <source>Server pass&amp;word:</source>
        <translation>Сервер құпия&amp;сөзі:</translation>
    </message>
    <message>
        <source>The password is not saved: it is asked each time. The connection is encrypted (TLS) whenever the server offers it.</source>
        <translation>Құпиясөз сақталмайды: әр жолы сұралады. Сервер TLS ұсынса, қосылым шифрланады.</translation>
    </message>
    <message>
        <source>Your account in the program</source>
        <translation>Бағдарламадағы тіркелгіңіз</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>Pa&amp;ssword:</source>
        <translation>&amp;Құпиясөз:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Қосылу</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Хост</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Дерекқор</translation>
    </message>
    <message>
        <source>Server user</source>
        <translation>Сервер пайдаланушысы</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Fill in the field «%1».</source>
        <translation>«%1» өрісін толтырыңыз.</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Серверге қосылу…</translation>
    </message>
</context>
<context>
    <name>SessionGuard</name>
    <message>
        <source>Change &amp;password…</source>
        <translation>Құпиясөзді &amp;ауыстыру…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Бұғаттау</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>The program switches at once; the choice is remembered on this computer.</source>
        <translation>Бағдарлама бірден ауысады; таңдау осы компьютерде сақталады.</translation>
    </message>
    <message>
        <source>Point (saved in the database)</source>
        <translation>Пункт (дерекқорда сақталады)</translation>
    </message>
    <message>
        <source>Reception hours:</source>
        <translation>Қабылдау уақыты:</translation>
    </message>
    <message>
        <source>Backup folder (this computer)</source>
        <translation>Сақтық көшірмелер қалтасы (осы компьютер)</translation>
    </message>
    <message>
        <source>For example, a USB stick or a network folder</source>
        <translation>Мысалы, флешка немесе желілік қалта</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Шолу…</translation>
    </message>
    <message>
        <source>Security (this computer)</source>
        <translation>Қауіпсіздік (осы компьютер)</translation>
    </message>
    <message>
        <source>Lock after minutes without use:</source>
        <translation>Әрекетсіздіктен кейін бұғаттау, минут:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ешқашан</translation>
    </message>
    <message>
        <source>MRP by year</source>
        <translation>Жылдар бойынша АЕК</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Жыл</translation>
    </message>
    <message>
        <source>MRP, tenge</source>
        <translation>АЕК, теңге</translation>
    </message>
    <message>
        <source>The table comes from the district office with the reference data; fines are shown in tenge at the MRP of the offence&apos;s year.</source>
        <translation>Кесте полиция бөлімінен анықтамалықтармен бірге келеді; айыппұлдар құқық бұзушылық жылының АЕК бойынша теңгемен көрсетіледі.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Сақтық көшірмелер қалтасы</translation>
    </message>
</context>
<context>
    <name>StaffForm</name>
    <message>
        <source>Full name</source>
        <translation>ТАӘ</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Атағы</translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation>Жетон нөмірі</translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation>Жеке нөмірі</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Лауазымы</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Уақытша құпиясөз</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Құпиясөзді қайталаңыз</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>Құпиясөздер сәйкес емес</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Жаңа есептік жазба</translation>
    </message>
    <message>
        <source>Account: {name} ({login})</source>
        <translation>Есептік жазба: {name} ({login})</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>Points</source>
        <translation>Пункттер</translation>
    </message>
    <message>
        <source>&amp;Export for the district office…</source>
        <translation>Полиция бөліміне &amp;шығару…</translation>
    </message>
    <message>
        <source>&amp;Import packages…</source>
        <translation>Пакеттерді &amp;импорттау…</translation>
    </message>
    <message>
        <source>&amp;Import from the district office…</source>
        <translation>Полиция бөлімінен &amp;импорттау…</translation>
    </message>
    <message>
        <source>&amp;Forward to the region…</source>
        <translation>&amp;Облысқа жіберу…</translation>
    </message>
    <message>
        <source>&amp;Enrol a point ahead…</source>
        <translation>Пунктті &amp;алдын ала тіркеу…</translation>
    </message>
    <message>
        <source>Load a corrected &amp;catalogue…</source>
        <translation>Түзетілген &amp;анықтамалықты жүктеу…</translation>
    </message>
    <message>
        <source>Not yet acknowledged by the district</source>
        <translation>Бөлім әлі алғанын растамады</translation>
    </message>
    <message>
        <source>Last acknowledged by the district: %1 (export %2)</source>
        <translation>Бөлімнің соңғы растауы: %1 (%2 шығару)</translation>
    </message>
    <message>
        <source>Corrected catalogue</source>
        <translation>Түзетілген анықтамалық</translation>
    </message>
    <message>
        <source>Catalogue files (*.json)</source>
        <translation>Анықтамалық файлдары (*.json)</translation>
    </message>
    <message>
        <source>Catalogue loaded</source>
        <translation>Анықтамалық жүктелді</translation>
    </message>
    <message>
        <source>The point&apos;s key file</source>
        <translation>Пункттің кілт файлы</translation>
    </message>
    <message>
        <source>Key files (*.pub *.json);;All (*)</source>
        <translation>Кілт файлдары (*.pub *.json);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Enrol a point ahead</source>
        <translation>Пунктті алдын ала тіркеу</translation>
    </message>
    <message>
        <source>District of point %1:</source>
        <translation>%1 пунктінің бөлімі:</translation>
    </message>
    <message>
        <source>Enrol point %1 “%2” of district %3?

Fingerprint:
%4

Compare it with the district office (by phone) before you confirm.</source>
        <translation>%3 бөлімінің %1 «%2» пунктін тіркеу керек пе?

Кілт саусақ ізі:
%4

Растамас бұрын оны полиция бөлімімен (телефон арқылы) салыстырыңыз.</translation>
    </message>
    <message>
        <source>Forward to the region</source>
        <translation>Облысқа жіберу</translation>
    </message>
    <message>
        <source>Points&apos; packages to forward to the region</source>
        <translation>Облысқа жіберілетін пункт пакеттері</translation>
    </message>
    <message>
        <source>Sync packages (*.isync)</source>
        <translation>Алмасу пакеттері (*.isync)</translation>
    </message>
    <message>
        <source>Folder for the files to the region</source>
        <translation>Облысқа арналған файлдар қалтасы</translation>
    </message>
    <message>
        <source>Forwarding to the region…</source>
        <translation>Облысқа жіберілуде…</translation>
    </message>
    <message>
        <source>Forwarded to the region</source>
        <translation>Облысқа жіберілді</translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <source>A temporary password for %1 (%2). Tell it to the officer: they choose their own at the next login.</source>
        <translation>%1 (%2) үшін уақытша құпиясөз. Оны қызметкерге айтыңыз: келесі кіргенде ол өз құпиясөзін таңдайды.</translation>
    </message>
    <message>
        <source>Temporary password:</source>
        <translation>Уақытша құпиясөз:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Құпиясөзді қайталаңыз:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Құпиясөздер сәйкес емес.</translation>
    </message>
</context>
<context>
    <name>TerritoryDialog</name>
    <message>
        <source>Territory of %1</source>
        <translation>%1 аумағы</translation>
    </message>
    <message>
        <source>%1 (%2) will see only the points ticked here, from the next login. Nothing ticked: every point.</source>
        <translation>%1 (%2) келесі кіруден бастап тек осында белгіленген пункттерді көреді. Ештеңе белгіленбесе — барлық пункттер.</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>Пункттер:</translation>
    </message>
    <message>
        <source>Districts (every point of the district):</source>
        <translation>Бөлімдер (бөлімнің барлық пункттері):</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>The program is locked</source>
        <translation>Бағдарлама бұғатталған</translation>
    </message>
    <message>
        <source>Locked after inactivity. Password of %1:</source>
        <translation>Әрекетсіздіктен кейін бұғатталды. %1 құпиясөзі:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Бұғаттан шығару</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Date and time</source>
        <translation>Күні мен уақыты</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Мекенжай</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Пәтер</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Тұрғын үй түрі</translation>
    </message>
    <message>
        <source>Registration checked</source>
        <translation>Тексерілетін есеп</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Азамат</translation>
    </message>
    <message>
        <source>Persons met</source>
        <translation>Кіммен сөйлесті</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Анықталды</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>Print record</source>
        <translation>Анықтаманы басып шығару</translation>
    </message>
    <message>
        <source>Preview and print the visit record (Ctrl+P)</source>
        <translation>Бару туралы анықтаманы қарап, басып шығару (Ctrl+P)</translation>
    </message>
    <message>
        <source>New preventive visit</source>
        <translation>Жаңа профилактикалық аралау</translation>
    </message>
    <message>
        <source>Preventive visit of {date}, {address}</source>
        <translation>Профилактикалық аралау {date}, {address}</translation>
    </message>
    <message>
        <source>last visited {date}</source>
        <translation>соңғы аралау {date}</translation>
    </message>
    <message>
        <source>not visited yet</source>
        <translation>әлі барылмаған</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Күте тұрыңыз</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
</context>
</TS>

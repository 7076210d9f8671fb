; Inno Setup script: wraps the PyInstaller folder dist\inspector-app into one setup program.
; Build on Windows after `pyinstaller --noconfirm build_installer.spec`:
;     iscc packaging\inspector-app.iss /DAppVersion=0.1.0
; The result is dist\inspector-app-setup-<version>.exe. Installs per user (no admin rights
; needed on the point's PC); the database stays in %LOCALAPPDATA%\inspector-app and is kept
; on uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1F0E0B-5A7E-4E0A-9F1D-2B6A8E4C7D10}
AppName=Inspector App
AppVersion={#AppVersion}
AppPublisher=inspector-app
DefaultDirName={localappdata}\Programs\inspector-app
DefaultGroupName=Inspector App
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=inspector-app-setup-{#AppVersion}
SetupIconFile=..\resources\icons\app.ico
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
DisableProgramGroupPage=yes

[Languages]
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\inspector-app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Inspector App"; Filename: "{app}\inspector-app.exe"
Name: "{autodesktop}\Inspector App"; Filename: "{app}\inspector-app.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\inspector-app.exe"; Description: "{cm:LaunchProgram,Inspector App}"; Flags: nowait postinstall skipifsilent

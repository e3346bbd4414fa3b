; Inno Setup script: an installer for the Windows build of OpsDesk (NOT RUN: no Windows machine
; was available; see README "Install on an office PC"). Build dist\OpsDesk\ first with
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\opsdesk.spec
; then compile this script (Inno Setup 6):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\opsdesk.iss
; which writes dist\OpsDesk-0.1.0-setup.exe. The version must be pyproject.toml's.
;
; The installer installs for the current user only (no administrator needed) into
; %LOCALAPPDATA%\Programs\OpsDesk, adds a Start-menu entry (and, if asked, a desktop icon),
; and speaks Simplified Chinese or English (chosen from Windows' language). The data
; (opsdesk.db, backups, the log) lives in %LOCALAPPDATA%\OpsDesk and is kept on uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{7B0E4C2A-5D4F-4B8E-9C1A-0B6F3D2E8A11}
AppName=OpsDesk
AppVersion={#AppVersion}
AppPublisher=OpsDesk
DefaultDirName={localappdata}\Programs\OpsDesk
DefaultGroupName=OpsDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=OpsDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\opsdesk.ico
UninstallDisplayIcon={app}\OpsDesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ShowLanguageDialog=auto

[Languages]
; ChineseSimplified.isl ships with Inno Setup 6.3 and later; with an older Inno Setup, get it
; from https://jrsoftware.org/files/istrans/ and put it in the Languages folder.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\OpsDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\OpsDesk"; Filename: "{app}\OpsDesk.exe"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,OpsDesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\OpsDesk"; Filename: "{app}\OpsDesk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\OpsDesk.exe"; Description: "{cm:LaunchProgram,OpsDesk}"; Flags: nowait postinstall skipifsilent

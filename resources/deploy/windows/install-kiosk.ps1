# Sets up a Windows branch PC as an OpenBranch kiosk. Run as Administrator after
# the NSIS installer:  powershell -ExecutionPolicy Bypass -File install-kiosk.ps1 -KioskUser kiosk
param(
  [Parameter(Mandatory = $true)][string]$KioskUser,
  [string]$InstallDir = "$env:ProgramFiles\OpenBranch"
)
$ErrorActionPreference = 'Stop'

# 1. Start at logon, restart when it exits.
$xml = Get-Content -Raw -Path (Join-Path $PSScriptRoot 'OpenBranchKiosk.xml')
$xml = $xml.Replace('KIOSK_USER', "$env:COMPUTERNAME\$KioskUser").Replace('INSTALL_DIR', $InstallDir)
Register-ScheduledTask -TaskName 'OpenBranch Kiosk' -TaskPath '\OpenBranch\' -Xml $xml -Force | Out-Null
if (-not [System.Diagnostics.EventLog]::SourceExists('OpenBranch')) { New-EventLog -LogName Application -Source OpenBranch }

# 2. Screen never blanks, PC never sleeps (mains power).
powercfg /change monitor-timeout-ac 0
powercfg /change standby-timeout-ac 0
powercfg /change hibernate-timeout-ac 0

# 3. The config folder: readable by the kiosk user, writable by administrators only.
$cfg = "$env:ProgramData\OpenBranch"
New-Item -ItemType Directory -Force -Path $cfg | Out-Null
icacls $cfg /inheritance:r /grant:r "Administrators:(OI)(CI)F" "SYSTEM:(OI)(CI)F" "${KioskUser}:(OI)(CI)RX" | Out-Null

Write-Host "OpenBranch kiosk task registered for $KioskUser."
Write-Host "Turn on automatic logon for $KioskUser (Sysinternals Autologon) and reboot."

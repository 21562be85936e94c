#!/usr/bin/env python3
"""Writes the files of corpus/feeds that cannot be reviewed as UTF-8 text.

Run from anywhere: python3 corpus/feeds/make_binary_files.py
The sources of those files live here, so that a change to them is a readable diff.
Gzip files are made with `gzip -n` (no name, no time stamp), so the bytes are the
same on every run with the same gzip.
"""

import hashlib
import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent


def gzip_bytes(data: bytes) -> bytes:
    return subprocess.run(["gzip", "-n", "-c"], input=data, stdout=subprocess.PIPE, check=True).stdout


def write(relative: str, data: bytes) -> None:
    path = HERE / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"{relative}: {len(data)} bytes")


# An old table-layout page declared (and encoded) as ISO-8859-1: no <article>, no <main>,
# the date only in <meta name="date">. Every character must exist in Latin-1.
XPLAIN_PAGE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<meta name="date" content="2023-06-14">
<meta name="keywords" content="Xplain, Bund, fedpol, Hackerangriff, Play">
<title>Bern confirms federal data in Xplain leak - Limmat Bote Zürich</title>
<script language="JavaScript" type="text/javascript">
<!--
function openWin(u) { window.open(u, 'druck', 'width=620,height=720,scrollbars=yes'); }
//-->
</script>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">
<table width="760" border="0" cellspacing="0" cellpadding="4">
<tr><td colspan="2"><img src="/img/kopf_limmatbote.gif" width="760" height="80" alt="Limmat Bote Zürich"></td></tr>
<tr>
<td width="140" valign="top" bgcolor="#EEEEEE" class="nav">
<a href="/">Startseite</a><br>
<a href="/schweiz/">Schweiz</a><br>
<a href="/wirtschaft/">Wirtschaft</a><br>
<a href="/archiv/">Archiv</a><br>
<a href="/kontakt/">Kontakt</a>
</td>
<td valign="top">
<font face="Arial, Helvetica" size="4"><b>Bern confirms federal data in Xplain leak</b></font><br>
<font face="Arial, Helvetica" size="1">Zürich, 14.06.2023 | <a href="javascript:openWin('/druck/2023-06-14-xplain.html')">Druckversion</a></font>
<p>The federal government in Bern confirmed on Wednesday that operational data belonging to federal offices was among the files that criminals published after a ransomware attack on Xplain, a software company based in Interlaken.</p>
<p>Xplain writes software used by the Federal Office of Police (fedpol), by the customs and border security service and by several cantonal police forces. The Play ransomware group broke into the company's network at the end of May and, after Xplain refused to pay, released the stolen data on its leak site on the dark web.</p>
<p>According to the Neue Zürcher Zeitung, which first reported the extent of the leak, the files include documents that federal agencies had exchanged with Xplain while software was being developed and tested. The Federal Department of Justice and Police (Département fédéral de justice et police) said it was examining which information had been exposed and whether people named in it had to be warned.</p>
<p>The Federal Council has set up a crisis team to assess the damage, and the National Cyber Security Centre of Switzerland is supporting the investigation. «We are taking this very seriously», a government spokesman told reporters. Security experts in Zürich and Genève asked why a private supplier had kept copies of live government data at all.</p>
<p>Xplain said it had informed the authorities immediately, had not paid a ransom and was working with the police.</p>
</td>
</tr>
<tr><td colspan="2" align="center"><font size="1">&copy; 2023 Limmat Bote Verlag AG, Zürich &middot; <a href="/impressum/">Impressum</a></font></td></tr>
</table>
</body>
</html>
"""

PACIFIC_WIRE_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Pacific Wire - Asia-Pacific Security</title>
<link>https://pacificwire.example/security</link>
<atom:link href="https://pacificwire.example/security/feed.rss.gz" rel="self" type="application/rss+xml"/>
<description>Security news from around the Pacific rim.</description>
<item>
<title>New Zealand blames China&#8217;s APT40 for hack of parliamentary networks</title>
<link>https://pacificwire.example/security/2024/03/26/nz-apt40-parliamentary-counsel</link>
<guid isPermaLink="false">pw-sec-2024-0326-nz</guid>
<pubDate>Tue, 26 Mar 2024 13:00:00 +1300</pubDate>
<dc:creator>Aroha Te Rangi</dc:creator>
<category>New Zealand</category>
<description>New Zealand has publicly blamed a Chinese state-sponsored group for a 2021 intrusion into the networks of the Parliamentary Counsel Office, which drafts and publishes the country's laws, and of the Parliamentary Service. Judith Collins, the minister responsible for the Government Communications Security Bureau, said New Zealand's National Cyber Security Centre had linked the activity to APT40, a group that the United States and its allies say works for China's Ministry of State Security. The intruders gained access to important information, Collins said, but nothing sensitive or strategic appears to have been taken. Wellington raised its concerns with the Chinese ambassador, and Beijing rejected the accusation as groundless.</description>
</item>
<item>
<title>Australia imposes first cyber sanctions over Medibank breach</title>
<link>https://pacificwire.example/security/2024/01/23/australia-sanctions-ermakov-medibank</link>
<guid isPermaLink="false">pw-sec-2024-0123-au</guid>
<pubDate>Mon, 22 Jan 2024 16:30:00 PST</pubDate>
<dc:creator>Callum Reyes</dc:creator>
<category>Australia</category>
<category>Sanctions</category>
<description>Australia imposed its first ever cyber sanctions on Tuesday, naming Aleksandr Ermakov, a Russian man the government says was involved in the 2022 breach of the health insurer Medibank. The attack exposed the names, dates of birth, Medicare numbers and in some cases the medical records of about 9.7 million current and former customers, and some of the data was later dumped on the dark web. Defence Minister Richard Marles said intelligence agencies and their partners had identified Ermakov after months of painstaking work. It is now a crime, punishable by up to ten years in prison, to provide him with assets or to use or deal with his assets. The United States and Britain announced matching sanctions the same day. Researchers had earlier linked the leak site used in the attack to people associated with the REvil ransomware gang.</description>
</item>
<item>
<title>Port of Nagoya restarts container terminals after LockBit attack</title>
<link>https://pacificwire.example/security/2023/07/06/port-of-nagoya-lockbit</link>
<guid isPermaLink="false">pw-sec-2023-0706-jp</guid>
<pubDate>Wed, 05 Jul 2023 21:15:00 MDT</pubDate>
<dc:creator>Callum Reyes</dc:creator>
<category>Japan</category>
<description>Container terminals at the Port of Nagoya, Japan's busiest port by cargo volume, were back in operation on Thursday after a ransomware attack on the system that runs them halted loading and unloading for about two days. The harbour's terminal operators said the LockBit ransomware had encrypted the servers of the terminal system and that a ransom note had come out of the office printers. Toyota, which ships many of its vehicles and parts through the port, said some shipments had been delayed. The operators said they had not received any direct demand for money and did not intend to negotiate with the attackers.</description>
</item>
</channel>
</rss>
"""

# A page saved without <title> or Open Graph tags: the title must come from the first <h1>,
# the date from itemprop="datePublished".
TFL_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<link rel="canonical" href="https://thameswatch.example/london/2024/09/12/tfl-cyberattack-teenager-arrested">
<meta itemprop="datePublished" content="2024-09-12T16:05:00+01:00">
<script>window.__THAMES__ = {"section": "london", "paywall": false};</script>
</head>
<body>
<div class="topbar"><a href="/">Thames Watch</a> <a href="/london/">London</a> <a href="/login/">Log in</a></div>
<article>
<h1>Teenager arrested over Transport for London cyberattack</h1>
<div class="share"><a href="#" class="fb">Share on Facebook</a> <a href="#" class="wa">Share on WhatsApp</a></div>
<p>The National Crime Agency has arrested a 17-year-old in Walsall in connection with the cyberattack on Transport for London, which has forced the capital's transport authority to work with limited systems since the start of the month.</p>
<p>The boy was detained on 5 September on suspicion of offences under the Computer Misuse Act and has been released on bail, the agency said on Thursday.</p>
<p>TfL said the attackers had reached some customer data, including names, contact details and email addresses, and that the bank account numbers and sort codes of around 5,000 customers who had applied for refunds on Oyster cards may also have been taken. It is writing to those affected.</p>
<p>Tube, bus and rail services ran normally throughout, but live arrival information, some online services and refunds for contactless journeys were suspended. About 30,000 staff are being asked to attend in-person appointments to prove their identity and reset their passwords.</p>
<p>The head of the agency's National Cyber Crime Unit said attacks on public infrastructure could be hugely disruptive and have serious consequences for local communities. It is one of the most serious attacks on a public body in the UK this year.</p>
</article>
<footer><p>Thames Watch &copy; 2024</p></footer>
</body>
</html>
"""

# The feed of the truncated download: valid RSS whose gzip file loses its last 40 bytes, which
# cuts into the long last item.
PARTIAL_DOWNLOAD_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Ledgerline Security Briefing - June 2024 archive</title>
<link>https://ledgerline.example/security</link>
<description>Archive of the June 2024 issues.</description>
<item>
<title>Car dealers go back to paper after attacks on CDK Global</title>
<link>https://ledgerline.example/security/2024/06/24/cdk-global-dealers-paper</link>
<guid isPermaLink="false">ledgerline-sec-20240624-01</guid>
<pubDate>Mon, 24 Jun 2024 12:00:00 GMT</pubDate>
<description>Thousands of car dealerships in the United States and Canada have been writing sales contracts and repair orders by hand since CDK Global, which supplies the software many of them use to run their business, shut down its systems after two cyberattacks on 19 June. About 15,000 dealerships rely on the company's platform. The BlackSuit ransomware group is reported to be behind the attack, and CDK has told customers that restoring all of its applications could take several days. Some dealers have warned that sales figures for June will suffer.</description>
</item>
<item>
<title>Evolve Bank &amp; Trust confirms breach after LockBit&#8217;s false Federal Reserve claim</title>
<link>https://ledgerline.example/security/2024/06/27/evolve-bank-lockbit-breach</link>
<guid isPermaLink="false">ledgerline-sec-20240627-02</guid>
<pubDate>Thu, 27 Jun 2024 17:40:00 GMT</pubDate>
<description>When the LockBit ransomware gang boasted this week that it had stolen 33 terabytes of data from the Federal Reserve, security researchers were sceptical. They were right: the files the gang released belonged to Evolve Bank &amp; Trust, a bank in Arkansas that provides accounts for several financial technology companies. Evolve has now confirmed a cybersecurity incident, saying that an employee clicked on a malicious link and that customer data, including names and account details, was taken. Customers of fintech firms that use Evolve's services may be affected.</description>
</item>
<item>
<title>BlackSuit claims attack on Japanese publisher Kadokawa</title>
<link>https://ledgerline.example/security/2024/06/28/kadokawa-blacksuit-claim</link>
<guid isPermaLink="false">ledgerline-sec-20240628-03</guid>
<pubDate>Fri, 28 Jun 2024 09:30:00 GMT</pubDate>
<description>The BlackSuit ransomware gang has claimed responsibility for the attack that has kept Niconico, the popular Japanese video-sharing service, offline since 8 June, and says it stole 1.5 terabytes of data from its parent company, the publisher Kadokawa. Kadokawa has confirmed that some information about business partners and employees was leaked and says it is investigating the extent of the damage. The service is expected to return in a limited form next month.</description>
</item>
<item>
<title>Indonesia's national data centre crippled by ransomware</title>
<link>https://ledgerline.example/security/2024/06/29/indonesia-national-data-centre-ransomware</link>
<guid isPermaLink="false">ledgerline-sec-20240629-04</guid>
<pubDate>Sat, 29 Jun 2024 08:15:00 GMT</pubDate>
<description>A ransomware attack on Indonesia's temporary national data centre in Surabaya has disrupted the services of more than 200 central and local government agencies, in one of the most serious cyber incidents the country has faced. Queues built up at airports across Indonesia when immigration systems stopped working, and applications for university places and some public payments were delayed. The attackers, who used a variant of LockBit 3.0 and later identified themselves as Brain Cipher, demanded a ransom of $8 million. The communications ministry said the government would not pay. Officials have admitted that most of the affected data had not been backed up, because backups were optional for agencies using the centre, and some data may never be recovered. Lawmakers have called for the communications minister to resign, and the president has ordered an audit of the country's data centres. Security experts say the incident shows the risk of putting so many government services in a single facility without tested recovery plans. The attackers later said they would release the decryption key for free and apologised to the people of Indonesia, though officials said they would still verify the key before relying on it, and that rebuilding the affected services would take weeks. Several ministries have begun moving their systems to other facilities in the meantime.</description>
</item>
</channel>
</rss>
"""


def garbage_bytes(size: int) -> bytes:
    """Deterministic bytes that look like a binary download (many NULs and high bytes)."""
    out = bytearray()
    block = b"news-extract feeds corpus"
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block
    return bytes(out[:size])


def main() -> None:
    write("html/xplain-latin1.html", XPLAIN_PAGE.encode("iso-8859-1"))
    write("gz/pacific-wire.rss.gz", gzip_bytes(PACIFIC_WIRE_FEED.encode("utf-8")))
    write("gz/tfl-incident.html.gz", gzip_bytes(TFL_PAGE.encode("utf-8")))
    whole = gzip_bytes(PARTIAL_DOWNLOAD_FEED.encode("utf-8"))
    write("malformed/partial-download.xml.gz", whole[:-40])
    # A page whose body is binary: a server error that sent image bytes as text/html.
    write("malformed/garbage.html",
          b"<html><head><meta charset=\"utf-8\"></head><body>\n\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
          + garbage_bytes(6000))


if __name__ == "__main__":
    main()

/**
 * Place names that are not personal data: UK local authority areas, cities and towns, regions,
 * countries, nationalities, languages and faiths. A capitalised word here is never taken for a name
 * on its own. Multi-word places are kept whole so that "Milton Keynes" is not read as "Milton" + surname.
 */

const list = (s: string): string[] => s.split(/\s*[,\n]\s*/).filter(Boolean);

const UK = list(`
  England, Wales, Scotland, Northern Ireland, Britain, Great Britain, United Kingdom, UK, Ireland,
  North East, North West, Yorkshire, Humber, East Midlands, West Midlands, Midlands, East of England,
  South East, South West, Home Counties, Pennines, Highlands, Lowlands, Valleys, Isle of Man, Isle of Wight,
  Isles of Scilly, Channel Islands, Anglesey, Ynys Mon, Cornwall, Devon, Somerset, Dorset, Wiltshire,
  Gloucestershire, Hampshire, Berkshire, Surrey, Sussex, West Sussex, East Sussex, Kent, Essex, Suffolk,
  Norfolk, Cambridgeshire, Hertfordshire, Bedfordshire, Buckinghamshire, Oxfordshire, Northamptonshire,
  Leicestershire, Rutland, Lincolnshire, Nottinghamshire, Derbyshire, Staffordshire, Shropshire,
  Herefordshire, Worcestershire, Warwickshire, Cheshire, Lancashire, Merseyside, Cumbria, Northumberland,
  Durham, County Durham, Tyne and Wear, Teesside, Tees Valley, North Yorkshire, South Yorkshire,
  West Yorkshire, East Riding, Greater Manchester, Avon, Cleveland, Humberside, London, Greater London,
  City of London, Westminster, Camden, Islington, Hackney, Tower Hamlets, Newham, Southwark, Lambeth,
  Lewisham, Greenwich, Bexley, Bromley, Croydon, Sutton, Merton, Wandsworth, Kingston upon Thames,
  Richmond upon Thames, Hounslow, Hillingdon, Ealing, Brent, Harrow, Barnet, Enfield, Haringey,
  Waltham Forest, Redbridge, Havering, Barking, Dagenham, Barking and Dagenham, Kensington, Chelsea,
  Hammersmith, Fulham, Birmingham, Coventry, Wolverhampton, Walsall, Dudley, Sandwell, Solihull,
  Manchester, Salford, Stockport, Tameside, Oldham, Rochdale, Bury, Bolton, Wigan, Trafford, Liverpool,
  Knowsley, Sefton, St Helens, Wirral, Leeds, Bradford, Calderdale, Kirklees, Wakefield, Sheffield,
  Rotherham, Barnsley, Doncaster, Newcastle, Newcastle upon Tyne, Gateshead, Sunderland, North Tyneside,
  South Tyneside, Middlesbrough, Hartlepool, Stockton, Stockton-on-Tees, Redcar, Darlington, Hull,
  Kingston upon Hull, York, Scarborough, Harrogate, Lancaster, Preston, Blackpool, Blackburn, Burnley,
  Carlisle, Chester, Warrington, Halton, Crewe, Macclesfield, Stoke, Stoke-on-Trent, Derby, Nottingham,
  Leicester, Lincoln, Grimsby, Scunthorpe, Northampton, Peterborough, Cambridge, Oxford, Reading, Slough,
  Swindon, Bristol, Bath, Gloucester, Cheltenham, Exeter, Plymouth, Torbay, Torquay, Truro, Bournemouth,
  Poole, Southampton, Portsmouth, Brighton, Hove, Brighton and Hove, Eastbourne, Hastings, Crawley,
  Guildford, Woking, Maidstone, Canterbury, Medway, Dover, Folkestone, Ashford, Chelmsford, Colchester,
  Southend, Southend-on-Sea, Basildon, Thurrock, Harlow, Luton, Bedford, Milton Keynes, Stevenage,
  Watford, Hertford, St Albans, Ipswich, Norwich, Lowestoft, Waveney, Great Yarmouth, Kings Lynn,
  King's Lynn, Telford, Shrewsbury, Hereford, Worcester, Redditch, Nuneaton, Rugby, Warwick, Leamington,
  Stafford, Tamworth, Cannock, Lichfield, Burton, Mansfield, Chesterfield, Worksop, Bassetlaw, Corby,
  Kettering, Wellingborough, Harborough, Loughborough, Hinckley, Boston, Skegness, Wigston, Oadby,
  Halifax, Huddersfield, Dewsbury, Batley, Keighley, Barrow, Kendal, Workington, Whitehaven, Penrith,
  Berwick, Hexham, Blyth, Morpeth, Cramlington, Wallsend, Jarrow, Washington, Consett, Bishop Auckland,
  Newton Aycliffe, Peterlee, Seaham, Chester-le-Street, Bridgwater, Taunton, Yeovil, Weston-super-Mare,
  Camborne, Redruth, Penzance, Newquay, Falmouth, Barnstaple, Salisbury, Trowbridge, Chippenham,
  Basingstoke, Winchester, Andover, Aldershot, Farnborough, Newbury, Bracknell, Maidenhead, Windsor,
  High Wycombe, Aylesbury, Banbury, Bicester, Witney, Cardiff, Swansea, Newport, Wrexham, Flintshire,
  Denbighshire, Conwy, Gwynedd, Ceredigion, Powys, Pembrokeshire, Carmarthenshire, Neath Port Talbot,
  Neath, Port Talbot, Bridgend, Vale of Glamorgan, Glamorgan, Rhondda Cynon Taf, Rhondda, Merthyr Tydfil,
  Merthyr, Caerphilly, Blaenau Gwent, Torfaen, Monmouthshire, Gwent, Cwm Taf, Cwm Taf Morgannwg,
  Morgannwg, Dyfed, Llanelli, Aberystwyth, Bangor, Rhyl, Pontypridd, Barry, Cwmbran, Ebbw Vale,
  Glasgow, Edinburgh, Aberdeen, Dundee, Inverness, Perth, Stirling, Falkirk, Paisley, Kilmarnock, Ayr,
  Livingston, Hamilton, Motherwell, Airdrie, Coatbridge, Cumbernauld, Kirkcaldy, Dunfermline, Fife,
  Highland, Moray, Angus, Aberdeenshire, Perth and Kinross, Clackmannanshire, West Lothian, East Lothian,
  Midlothian, Lothian, Scottish Borders, Borders, Dumfries, Galloway, Dumfries and Galloway,
  South Ayrshire, East Ayrshire, North Ayrshire, Ayrshire, Renfrewshire, East Renfrewshire,
  Inverclyde, West Dunbartonshire, East Dunbartonshire, Dunbartonshire, North Lanarkshire,
  South Lanarkshire, Lanarkshire, Argyll, Bute, Argyll and Bute, Orkney, Shetland, Eilean Siar,
  Western Isles, Belfast, Derry, Londonderry, Newry, Armagh, Craigavon, Lisburn, Antrim, Newtownabbey,
  Ards, North Down, Causeway Coast, Glens, Mid Ulster, Fermanagh, Omagh, Ulster, Tyrone, Mourne,
  Banbridge, Ballymena, Coleraine, Enniskillen, Holyhead, Soho, Brixton, Peckham, Tottenham,
  Walthamstow, Stratford, Whitechapel, Moss Side, Toxteth, Chapeltown, Handsworth, Sparkbrook
`);

const WORLD = list(`
  Europe, European, Africa, African, Asia, Asian, America, American, Caribbean, Middle East, Poland,
  Polish, Romania, Romanian, Lithuania, Lithuanian, Latvia, Latvian, Bulgaria, Bulgarian, Slovakia,
  Slovak, Czech, Hungary, Hungarian, Albania, Albanian, Kosovo, Kosovan, Ukraine, Ukrainian, Russia,
  Russian, Turkey, Turkish, Syria, Syrian, Iraq, Iraqi, Iran, Iranian, Afghanistan, Afghan, Pakistan,
  Pakistani, India, Indian, Bangladesh, Bangladeshi, Sri Lanka, Sri Lankan, Nepal, Nepalese, China,
  Chinese, Vietnam, Vietnamese, Philippines, Filipino, Nigeria, Nigerian, Ghana, Ghanaian, Somalia,
  Somali, Somaliland, Eritrea, Eritrean, Ethiopia, Ethiopian, Sudan, Sudanese, Kenya, Kenyan, Uganda,
  Ugandan, Zimbabwe, Zimbabwean, Congo, Congolese, Jamaica, Jamaican, Trinidad, Barbados, France,
  French, Spain, Spanish, Portugal, Portuguese, Italy, Italian, Germany, German, Greece, Greek, Cyprus,
  Kurdistan, Kurdish, Arab, Arabic, Urdu, Punjabi, Bengali, Sylheti, Gujarati, Hindi, Tamil, Pashto,
  Dari, Farsi, Tigrinya, Amharic, Yoruba, Igbo, Twi, Mandarin, Cantonese, Makaton, English, British,
  Welsh, Scottish, Irish, Cornish, Muslim, Christian, Hindu, Sikh, Jewish, Catholic, Protestant,
  Orthodox, Methodist, Baptist, Anglican, Pentecostal, Buddhist, Roma, Romani, Gypsy, Traveller,
  Black, White, Mixed, Caucasian, Kashmir, Kashmiri, Mirpur, Mirpuri, Australia, Australian, Canada,
  Canadian, Brazil, Brazilian, Mexico, Morocco, Moroccan, Algeria, Algerian, Egypt, Egyptian, Libya,
  Yemen, Yemeni, Saudi Arabia, Dubai, Gambia, Sierra Leone, Cameroon, Angola, South Africa, Malawi,
  Zambia, Tanzania, Rwanda, Burundi, Albanian-speaking, Slovak-speaking, Polish-speaking, Gymraeg
`);

export const PLACE_NAMES: readonly string[] = [...UK, ...WORLD];

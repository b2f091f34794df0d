import json,sys
a,b=int(sys.argv[1]),int(sys.argv[2])
for i,l in enumerate(open('/work/shared/eval/dev-gold.jsonl'),1):
    if not (a<=i<=b): continue
    d=json.loads(l)
    print('=====',i,d['id'],d['dateline_date'],d.get('region'),d.get('tags'))
    print(d['text'])
    for j,e in enumerate(d['events']):
        e=dict(e); e.pop('root',None); e.pop('quad',None)
        if not e.get('negated'): e.pop('negated',None)
        print(' ',j,json.dumps(e,ensure_ascii=False))
